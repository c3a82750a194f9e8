-- Retention at each day's end (RetentionSql, recompute step "retention"), so /funnel over a past range reads one row
-- instead of every customer's facts. One row per day for all owners (owner NULL, all_owners) and one per owner with
-- retainable contacts. end_at (the day's end in the time zone of the recompute) and activity_days (the window the
-- row was counted with) key the row: after a change of either, the report finds no matching row and counts directly
-- until the recompute of the days (the settings change marks them dirty) writes rows for the new settings.
CREATE TABLE snap_retention (
    day           date        NOT NULL,
    end_at        timestamptz NOT NULL,
    activity_days int         NOT NULL,
    all_owners    boolean     NOT NULL,
    owner         text,
    customers     bigint      NOT NULL,
    active        bigint      NOT NULL,
    retainable    bigint      NOT NULL,
    churned       bigint      NOT NULL
);
CREATE INDEX snap_retention_day_idx ON snap_retention (day, owner);
