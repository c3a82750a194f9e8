-- The funnel's churn test counts, for each retainable contact, its sends since its last inbound message that are
-- neither failed nor read (RangeRepository.retention). With status, delivery and read_at in the index that count is
-- an index-only scan instead of a heap visit per send: at bench scale (10 M sends, 29,000 customers) the funnel's
-- retention read went from 8.8 s to 3.8 s on a loaded machine. The same key serves every reader of the old index.
CREATE INDEX f_sends_contact_unread_idx ON f_sends (contact_id, sent_at) INCLUDE (status, delivery, read_at);
DROP INDEX f_sends_contact_idx;
