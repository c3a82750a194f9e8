-- API keys: only the SHA-256 of the secret is stored (the secret is shown once, on creation).
CREATE TABLE api_keys (
    id           uuid PRIMARY KEY,
    name         text        NOT NULL,
    role         text        NOT NULL CHECK (role IN ('admin', 'manager', 'agent', 'integrator', 'viewer')),
    owner        text,
    key_hash     bytea       NOT NULL UNIQUE,
    key_prefix   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    created_by   text        NOT NULL,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    CHECK ((role = 'agent') = (owner IS NOT NULL))
);
CREATE INDEX api_keys_created ON api_keys (created_at DESC, id DESC);
