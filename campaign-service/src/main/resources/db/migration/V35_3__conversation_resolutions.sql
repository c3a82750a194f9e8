-- An agent's or integrator's explicit act of resolving a contact's conversation. Never changed once written;
-- metrics-service pulls them by (updated_at, id) and times them from the conversation's first inbound message.
CREATE TABLE conversation_resolutions (
    id           uuid PRIMARY KEY,
    contact_id   uuid NOT NULL,
    phone        text,
    at           timestamptz NOT NULL,
    resolved_by  text NOT NULL,
    owner        text,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
CREATE INDEX conversation_resolutions_sync_idx ON conversation_resolutions (updated_at, id);

-- Create endpoints accept an Idempotency-Key: the first answer is kept and replayed for the same key.
CREATE TABLE idempotency_keys (
    key            text PRIMARY KEY,
    request_hash   text NOT NULL,
    resource_id    uuid NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
