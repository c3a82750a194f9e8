CREATE TABLE templates (
    id          uuid PRIMARY KEY,
    name        text NOT NULL,
    language    text NOT NULL,
    category    text NOT NULL CHECK (category IN ('marketing', 'utility', 'authentication', 'service')),
    body        text NOT NULL,
    -- {"parameters": [...], "buttons": [...]}: a JSON object, as Hibernate Reactive maps JSON columns to objects
    content     jsonb NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    UNIQUE (name, language)
);

CREATE TABLE campaigns (
    id                   uuid PRIMARY KEY,
    name                 text NOT NULL,
    owner                text,
    audience             jsonb NOT NULL,
    -- {"variants": [{"key", "templateId", "weight"}], "holdoutWeight": n}
    split                jsonb NOT NULL,
    scheduled_at         timestamptz,
    goal                 text NOT NULL,
    attribution_days     int NOT NULL,
    respect_quiet_hours  boolean NOT NULL,
    frequency_cap        boolean NOT NULL,
    cap_action           text NOT NULL CHECK (cap_action IN ('defer', 'skip')),
    respect_opt_out      boolean NOT NULL,
    status               text NOT NULL,
    -- launch progress: the audience is paged from contacts-service; a restarted launch resumes from the cursor
    audience_cursor      text,
    audience_resolved    boolean NOT NULL DEFAULT false,
    launched_at          timestamptz,
    completed_at         timestamptz,
    cancelled_at         timestamptz,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL
);
CREATE INDEX campaigns_created_idx ON campaigns (created_at, id);

-- One row per contact of a launched campaign. Holdout contacts get a row too (status holdout), so experiments
-- can compare them with the variants.
CREATE TABLE sends (
    id                   uuid PRIMARY KEY,
    campaign_id          uuid NOT NULL REFERENCES campaigns (id),
    variant              text NOT NULL,
    template_id          uuid,
    contact_id           uuid NOT NULL,
    phone                text NOT NULL,
    status               text NOT NULL,
    reason               text,
    next_attempt_at      timestamptz,
    attempts             int NOT NULL DEFAULT 0,
    provider_message_id  text UNIQUE,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    UNIQUE (campaign_id, contact_id)
);
CREATE INDEX sends_due_idx ON sends (next_attempt_at) WHERE status IN ('queued', 'deferred');
CREATE INDEX sends_campaign_idx ON sends (campaign_id, status, variant);
CREATE INDEX sends_updated_idx ON sends (updated_at, id);
