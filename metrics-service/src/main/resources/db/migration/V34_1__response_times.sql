-- Each response (an inbound turn answered by the next outbound one) with its time, by the day of the inbound message
-- and the contact's owner: a range's median response time is the median of its responses, which daily medians
-- cannot give. The days already built are marked stale, so the next nightly recompute fills them in.
CREATE TABLE snap_response_times (
    day      date NOT NULL,
    owner    text,
    seconds  numeric(18, 3) NOT NULL
);
CREATE INDEX snap_response_times_day_idx ON snap_response_times (day);
INSERT INTO dirty_days (day) SELECT DISTINCT day FROM snap_interactions ON CONFLICT DO NOTHING;
