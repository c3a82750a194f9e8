-- Every error Meta reports, wherever it appears in a delivery (account-level, beside messages or statuses, inside a
-- status, inside an inbound message). Idempotent per delivery: Meta's retry of a delivery carries the same body, so
-- (body hash, position) repeats and nothing new is stored.
CREATE TABLE provider_errors (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    delivery_key  text NOT NULL,
    position      int NOT NULL,
    scope         text NOT NULL CHECK (scope IN ('account', 'value', 'status', 'message')),
    message_id    text,
    phone         text,
    at            timestamptz,
    code          int,
    title         text,
    message       text,
    details       text,
    received_at   timestamptz NOT NULL,
    UNIQUE (delivery_key, position)
);
CREATE INDEX provider_errors_received_idx ON provider_errors (received_at DESC, id DESC);
CREATE INDEX provider_errors_code_idx ON provider_errors (code, received_at DESC);

-- account_errors had no key, so retries were stored again; its rows move over, each as its own delivery.
INSERT INTO provider_errors (delivery_key, position, scope, code, title, message, details, received_at)
SELECT 'account_errors:' || id, 0, 'account', code, title, message, details, received_at FROM account_errors;
DROP TABLE account_errors;
