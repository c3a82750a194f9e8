-- campaign-service's explicit conversation resolutions (an agent's or integrator's act), pulled by the sync; with
-- deals won or lost they end a conversation for the resolution-time KPIs.
CREATE TABLE f_resolutions (
    id           uuid PRIMARY KEY,
    contact_id   uuid NOT NULL,
    at           timestamptz NOT NULL,
    resolved_by  text,
    owner        text,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
CREATE INDEX f_resolutions_at_idx ON f_resolutions (at);
