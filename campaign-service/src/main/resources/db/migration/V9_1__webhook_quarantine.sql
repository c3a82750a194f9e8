-- Parts of signed webhook deliveries that could not be stored as data. The delivery itself was acknowledged (Meta
-- retries anything else for days); each unusable part is kept with the reason. A replay adds nothing: an item is
-- keyed by the SHA-256 of the delivery's body and its kind and position in it.
CREATE TABLE webhook_quarantine (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    received_at      timestamptz NOT NULL,
    delivery_sha256  text NOT NULL,
    kind             text NOT NULL,
    position         int NOT NULL,
    reference        text,
    reason           text NOT NULL,
    raw              bytea,
    UNIQUE (delivery_sha256, kind, position)
);
