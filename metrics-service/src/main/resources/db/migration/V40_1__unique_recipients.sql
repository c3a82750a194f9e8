-- Unique recipients of a range without reading its sends at report time (RecipientSql, RecipientRepository).
--
-- snap_recipient_days: each recipient (the contact, else the phone) once per day it was sent something and per
-- owner, country and source its sends of that day had (at recompute time, as in every snapshot), with the day of its
-- previous row in each grouping: any row, the same owner, the same country, ... A row whose previous day in a grouping
-- is its own day (the recipient has two rows that day, say two countries) is a repeat and never counts there.
CREATE TABLE snap_recipient_days (
    day                    date NOT NULL,
    recipient              text NOT NULL,
    owner                  text,
    country                text,
    source                 text,
    previous_any           date,
    previous_owner         date,
    previous_country       date,
    previous_source        date,
    previous_owner_country date,
    previous_owner_source  date
);
CREATE INDEX snap_recipient_days_recipient_idx ON snap_recipient_days (recipient, day);
CREATE INDEX snap_recipient_days_day_idx ON snap_recipient_days (day);

-- The same rows counted per (grain, day, previous day, dimensions). A recipient counts once in [a, b] exactly when
-- one of its days d in [a, b] has a previous day before a (or none), so a range's unique recipients are
-- sum(recipients) WHERE day BETWEEN a AND b AND (previous_day IS NULL OR previous_day < a).
-- grain = GROUPING(owner, country, source): 7 all, 3 owner, 5 country, 6 source, 1 owner and country, 2 owner and
-- source (an owner's recipients by country or source).
CREATE TABLE snap_recipients (
    grain        smallint NOT NULL,
    day          date NOT NULL,
    previous_day date,
    owner        text,
    country      text,
    source       text,
    recipients   bigint NOT NULL
);
CREATE INDEX snap_recipients_day_idx ON snap_recipients (grain, day);
CREATE INDEX snap_recipients_owner_idx ON snap_recipients (grain, owner, day);

-- Filled by the recompute: every day already in the snapshots is marked to be recomputed (as V34_1 did).
INSERT INTO dirty_days (day) SELECT DISTINCT day FROM snap_messages ON CONFLICT DO NOTHING;
