-- Create endpoints accept an Idempotency-Key: the first answer is kept and replayed for the same key.
CREATE TABLE idempotency_keys (
    key            text PRIMARY KEY,
    request_hash   text NOT NULL,
    resource_id    uuid NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
