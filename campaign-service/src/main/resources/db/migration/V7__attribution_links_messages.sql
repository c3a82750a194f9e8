-- Attribution stored on the send, written when the reply, click or opt-out arrives, so counters and metrics'
-- incremental sync read columns instead of searching inbound messages per send.
ALTER TABLE sends ADD COLUMN replied_at timestamptz;
ALTER TABLE sends ADD COLUMN reply_message_id text;
ALTER TABLE sends ADD COLUMN opted_out_at timestamptz;
ALTER TABLE sends ADD COLUMN clicked_at timestamptz;
ALTER TABLE sends ADD COLUMN clicks int NOT NULL DEFAULT 0;
-- "the contact's latest send within the window": a reply without a context id is credited by phone
CREATE INDEX sends_phone_sent_idx ON sends (phone, sent_at DESC) WHERE sent_at IS NOT NULL;

-- Every open of a tracked link (repeat clicks included); the send keeps the first one.
CREATE TABLE clicks (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    send_id     uuid NOT NULL,
    link_index  int NOT NULL,
    at          timestamptz NOT NULL,
    user_agent  text
);
CREATE INDEX clicks_send_idx ON clicks (send_id, at);

-- One-to-one chat messages integrators log from other inboxes (POST /api/v1/messages). Conversations combine them
-- with the webhook's inbound messages and the campaign sends.
CREATE TABLE chat_messages (
    id            uuid PRIMARY KEY,
    external_id   text UNIQUE,
    direction     text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    phone         text NOT NULL,
    agent         text,
    at            timestamptz NOT NULL,
    text          text,
    created_at    timestamptz NOT NULL,
    forwarded_at  timestamptz
);
CREATE INDEX chat_messages_phone_idx ON chat_messages (phone, at);
CREATE INDEX chat_messages_agent_idx ON chat_messages (agent, at) WHERE agent IS NOT NULL;
CREATE INDEX chat_messages_unforwarded_idx ON chat_messages (created_at) WHERE forwarded_at IS NULL;

CREATE INDEX campaigns_updated_idx ON campaigns (updated_at, id);
