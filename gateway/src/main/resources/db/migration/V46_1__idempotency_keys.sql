-- Creating an API key accepts an Idempotency-Key like every other create (common's IdempotencyKeys).
CREATE TABLE idempotency_keys (
    key            text PRIMARY KEY,
    request_hash   text NOT NULL,
    resource_id    uuid NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
