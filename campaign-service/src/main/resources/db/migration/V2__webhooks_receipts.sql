-- WhatsApp webhook ingestion. Everything Meta posts is kept: the raw body of each delivery (audit and replay),
-- each status update append-only, the folded state of every outbound message, inbound messages, marketing
-- opt-out preferences and account-level errors.

CREATE TABLE webhook_deliveries (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    received_at   timestamptz NOT NULL,
    body          text NOT NULL,
    statuses      int NOT NULL,
    messages      int NOT NULL
);

-- Idempotent by (message id, status): Meta retries for days, and a duplicate must change nothing.
CREATE TABLE receipts (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id        text NOT NULL,
    status            text NOT NULL,
    at                timestamptz NOT NULL,
    recipient         text,
    error_code        int,
    error_title       text,
    pricing_category  text,
    billable          boolean,
    pricing_type      text,
    pricing_model     text,
    conversation_id   text,
    delivery_id       bigint,
    received_at       timestamptz NOT NULL,
    UNIQUE (message_id, status)
);

-- The fold of all receipts of one message (see MessageState). Keyed by the provider message id alone, so a receipt
-- that arrives before its send is known still counts the moment the send appears.
CREATE TABLE message_states (
    message_id        text PRIMARY KEY,
    recipient         text,
    status            text NOT NULL,
    sent_at           timestamptz,
    delivered_at      timestamptz,
    read_at           timestamptz,
    played_at         timestamptz,
    failed_at         timestamptz,
    error_code        int,
    error_title       text,
    pricing_category  text,
    billable          boolean,
    pricing_type      text,
    pricing_model     text,
    conversation_id   text,
    updated_at        timestamptz NOT NULL
);
CREATE INDEX message_states_updated_idx ON message_states (updated_at, message_id);

CREATE TABLE inbound_messages (
    message_id     text PRIMARY KEY,
    from_phone     text NOT NULL,
    profile_name   text,
    at             timestamptz NOT NULL,
    type           text NOT NULL,
    text           text,
    payload        text,
    context_id     text,
    referral       jsonb,
    raw            jsonb NOT NULL,
    received_at    timestamptz NOT NULL,
    -- set once contacts-service has recorded the message (classification, opt-out words)
    forwarded_at   timestamptz
);
CREATE INDEX inbound_messages_from_idx ON inbound_messages (from_phone, at);
CREATE INDEX inbound_messages_context_idx ON inbound_messages (context_id) WHERE context_id IS NOT NULL;
CREATE INDEX inbound_messages_unforwarded_idx ON inbound_messages (received_at) WHERE forwarded_at IS NULL;

-- Marketing opt-out and resume from the user_preferences webhook field, and typed or tapped STOP.
CREATE TABLE preference_events (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    phone         text NOT NULL,
    value         text NOT NULL,
    category      text,
    detail        text,
    at            timestamptz NOT NULL,
    received_at   timestamptz NOT NULL,
    UNIQUE (phone, value, at)
);

-- value.errors[] with no statuses: account-level problems such as throughput limits.
CREATE TABLE account_errors (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code          int,
    title         text,
    message       text,
    details       text,
    received_at   timestamptz NOT NULL
);
