-- What each message type counts for (common's MessageKind): a send's first reaction is engagement, kept apart from
-- its first reply; an interaction that is no turn (a reaction, a click, a preference change) is kept but takes no
-- part in conversations, turns and response times.
ALTER TABLE f_sends ADD COLUMN reacted_at timestamptz;
ALTER TABLE snap_messages ADD COLUMN reacted bigint NOT NULL DEFAULT 0;
ALTER TABLE f_interactions ADD COLUMN message_type text;
ALTER TABLE f_interactions ADD COLUMN turn boolean NOT NULL DEFAULT true;
