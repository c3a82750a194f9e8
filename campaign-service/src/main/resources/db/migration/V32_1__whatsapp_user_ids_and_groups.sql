-- WhatsApp usernames. A user who adopted a username may reach us with no phone at all, named only by a
-- business-scoped user id (BSUID, e.g. US.13491208655302741918): messages carry from_user_id, statuses
-- recipient_user_id, and contacts[] the username.
ALTER TABLE inbound_messages ALTER COLUMN from_phone DROP NOT NULL;
ALTER TABLE inbound_messages ADD COLUMN from_user_id text;
ALTER TABLE inbound_messages ADD COLUMN username text;
ALTER TABLE inbound_messages ADD COLUMN group_id text;
ALTER TABLE inbound_messages ADD CONSTRAINT inbound_messages_sender_check
    CHECK (from_phone IS NOT NULL OR from_user_id IS NOT NULL);
CREATE INDEX inbound_messages_from_user_idx ON inbound_messages (from_user_id, at) WHERE from_user_id IS NOT NULL;

-- A send learns its recipient's BSUID from its receipts (or was sent to it), so a username-only reply without a
-- context id is still credited to it.
ALTER TABLE sends ADD COLUMN whatsapp_user_id text;
CREATE INDEX sends_whatsapp_user_idx ON sends (whatsapp_user_id, sent_at) WHERE whatsapp_user_id IS NOT NULL;

ALTER TABLE receipts ADD COLUMN recipient_user_id text;
ALTER TABLE message_states ADD COLUMN recipient_user_id text;

-- Groups: a message sent to a group gets one delivered and one read status per member, with the group as the
-- recipient and the member as the participant. The participant joins the unique key ('' for a message to one
-- person), so every member's status is kept and a retry of any of them is still harmless.
ALTER TABLE receipts ADD COLUMN participant text NOT NULL DEFAULT '';
ALTER TABLE receipts DROP CONSTRAINT receipts_message_id_status_key;
ALTER TABLE receipts ADD CONSTRAINT receipts_message_status_participant_key UNIQUE (message_id, status, participant);
-- how many members a group message reached (delivered, read or played) and how many read it; null for one person
ALTER TABLE message_states ADD COLUMN participants_reached int;
ALTER TABLE message_states ADD COLUMN participants_read int;

-- A send to a username-only WhatsApp user goes to its BSUID (the Cloud API's recipient field): no phone then.
ALTER TABLE sends ALTER COLUMN phone DROP NOT NULL;
ALTER TABLE sends ADD CONSTRAINT sends_recipient_check CHECK (phone IS NOT NULL OR whatsapp_user_id IS NOT NULL);

-- A marketing opt-out (user_preferences) from a user known by BSUID alone: no wa_id then.
ALTER TABLE preference_events ALTER COLUMN phone DROP NOT NULL;
ALTER TABLE preference_events ADD COLUMN user_id text;
ALTER TABLE preference_events ADD CONSTRAINT preference_events_user_check CHECK (phone IS NOT NULL OR user_id IS NOT NULL);
CREATE UNIQUE INDEX preference_events_user_key ON preference_events (user_id, value, at) WHERE phone IS NULL;
