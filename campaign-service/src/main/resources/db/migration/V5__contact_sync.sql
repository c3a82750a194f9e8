-- Preference changes are forwarded to contacts-service like messages (set once contacts-service recorded them).
ALTER TABLE preference_events ADD COLUMN forwarded_at timestamptz;
CREATE INDEX preference_events_unforwarded_idx ON preference_events (received_at) WHERE forwarded_at IS NULL;
