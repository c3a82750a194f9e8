-- metrics-service: workspace settings, costs, the message rate table, metrics' own copy of the facts it pulls from
-- contacts-service and campaign-service (f_*), sync cursors, recompute runs and the daily snapshots (snap_*).
-- Times are timestamptz (UTC instants); days are dates in the workspace time zone; money is numeric.

CREATE TABLE settings (
    id                   int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    currency             char(3) NOT NULL,
    time_zone            text NOT NULL,
    value_per_lead       numeric(18, 2) NOT NULL DEFAULT 0,
    brand_value_monthly  numeric(18, 2) NOT NULL DEFAULT 0,
    attribution_days     int NOT NULL DEFAULT 7,
    reply_window_days    int NOT NULL DEFAULT 3,
    repurchase_days      int NOT NULL DEFAULT 180,
    activity_days        int NOT NULL DEFAULT 90,
    weights              jsonb NOT NULL,
    updated_at           timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE costs (
    id            uuid PRIMARY KEY,
    category      text NOT NULL CHECK (category IN ('software', 'platform_fees', 'accounts', 'phone_numbers',
                      'message_fees', 'data', 'ads', 'labor', 'learning', 'opportunity')),
    kind          text NOT NULL CHECK (kind IN ('explicit', 'hidden')),
    amount        numeric(18, 2) NOT NULL CHECK (amount >= 0),
    currency      char(3) NOT NULL,
    period_start  date NOT NULL,
    period_end    date NOT NULL,
    campaign_id   uuid,
    owner         text,
    hours         numeric(12, 2),
    hourly_rate   numeric(18, 2),
    description   text,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    CHECK (period_end >= period_start)
);
CREATE INDEX costs_period_idx ON costs (period_start, period_end);
CREATE INDEX costs_created_idx ON costs (created_at, id);

-- Per-message fees: by country calling code and category, valid from a date until the next row's date.
CREATE TABLE message_rates (
    id              uuid PRIMARY KEY,
    calling_code    text NOT NULL CHECK (calling_code ~ '^[0-9]{1,3}$'),
    category        text NOT NULL CHECK (category IN ('marketing', 'utility', 'authentication')),
    rate            numeric(12, 6) NOT NULL CHECK (rate >= 0),
    currency        char(3) NOT NULL,
    effective_from  date NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (calling_code, category, effective_from)
);
-- Third-party copies of Meta's 2026 list prices for a marketing message (WHATSAPP.md); edit through the API.
INSERT INTO message_rates (id, calling_code, category, rate, currency, effective_from) VALUES
  (gen_random_uuid(), '91', 'marketing', 0.0118, 'USD', DATE '2026-01-01'),
  (gen_random_uuid(), '1',  'marketing', 0.0250, 'USD', DATE '2026-01-01'),
  (gen_random_uuid(), '55', 'marketing', 0.0625, 'USD', DATE '2026-01-01'),
  (gen_random_uuid(), '49', 'marketing', 0.1365, 'USD', DATE '2026-01-01');

-- ---------------------------------------------------------------------------------------------------------------
-- Facts: metrics' own copy, upserted by the sync job from the owners' updatedAfter listings.

CREATE TABLE f_contacts (
    id               uuid PRIMARY KEY,
    owner            text,
    source           text,
    country          text,
    stage            text,
    intent           text,
    accepted_at      timestamptz,
    opted_out_at     timestamptz,
    referred_by      uuid,
    last_inbound_at  timestamptz,
    erased           boolean NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX f_contacts_created_idx ON f_contacts (created_at);

CREATE TABLE f_interactions (
    id          uuid PRIMARY KEY,
    contact_id  uuid NOT NULL,
    direction   text NOT NULL,
    at          timestamptz NOT NULL,
    agent       text,
    created_at  timestamptz NOT NULL
);
CREATE INDEX f_interactions_contact_idx ON f_interactions (contact_id, at);
CREATE INDEX f_interactions_at_idx ON f_interactions (at);

CREATE TABLE f_deals (
    id            uuid PRIMARY KEY,
    contact_id    uuid NOT NULL,
    stage         text NOT NULL,
    inquiry_at    timestamptz,
    quoted_at     timestamptz,
    won_at        timestamptz,
    lost_at       timestamptz,
    order_amount  numeric(18, 2),
    profit        numeric(18, 2),
    currency      char(3),
    campaign_id   uuid,
    owner         text,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);
CREATE INDEX f_deals_contact_idx ON f_deals (contact_id, won_at);

CREATE TABLE f_campaigns (
    id                uuid PRIMARY KEY,
    name              text,
    owner             text,
    status            text,
    goal_type         text NOT NULL DEFAULT 'reply',
    goal_window_days  int NOT NULL DEFAULT 7,
    variants          jsonb NOT NULL DEFAULT '[]',
    holdout_percent   numeric(6, 2),
    launched_at       timestamptz,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);

CREATE TABLE f_sends (
    id                uuid PRIMARY KEY,
    campaign_id       uuid NOT NULL,
    variant           text,
    contact_id        uuid,
    phone             text,
    calling_code      text,
    country           text,
    status            text NOT NULL,
    reason            text,
    error_code        int,
    sent_at           timestamptz,
    delivery          text,
    delivered_at      timestamptz,
    read_at           timestamptz,
    replied_at        timestamptz,
    clicked_at        timestamptz,
    clicks            int NOT NULL DEFAULT 0,
    opted_out_at      timestamptz,
    pricing_category  text,
    billable          boolean,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    -- the instant that places a send on a day: when it went out, else when it was queued (holdout, skipped)
    at                timestamptz GENERATED ALWAYS AS (coalesce(sent_at, created_at)) STORED
);
CREATE INDEX f_sends_at_idx ON f_sends (at);
CREATE INDEX f_sends_campaign_idx ON f_sends (campaign_id, at);
CREATE INDEX f_sends_updated_idx ON f_sends (updated_at);
CREATE INDEX f_sends_contact_idx ON f_sends (contact_id, sent_at);

-- Where each stream stands: the updatedAfter it runs from and the opaque cursor within it (resumable).
CREATE TABLE sync_cursors (
    stream         text PRIMARY KEY,
    updated_after  timestamptz,
    after_cursor   text,
    max_seen       timestamptz,
    synced_at      timestamptz,
    items          bigint NOT NULL DEFAULT 0,
    last_error     text
);

-- Days whose snapshots are stale because facts on them changed since the last recompute.
CREATE TABLE dirty_days (
    day  date PRIMARY KEY
);

CREATE TABLE recompute_runs (
    id            uuid PRIMARY KEY,
    trigger       text NOT NULL,
    from_day      date,
    to_day        date,
    status        text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'skipped')),
    progress      numeric(5, 2) NOT NULL DEFAULT 0,
    step          text,
    error         text,
    rows_written  bigint,
    requested_at  timestamptz NOT NULL,
    started_at    timestamptz,
    finished_at   timestamptz
);
CREATE INDEX recompute_runs_requested_idx ON recompute_runs (requested_at DESC);

-- ---------------------------------------------------------------------------------------------------------------
-- Snapshots: one row per day and dimension combination; a recompute replaces a day range in one transaction.
-- Each table holds several grains (GROUPING SETS), so a report reads only the rows of the grain it groups by:
-- grain is GROUPING() of the optional dimensions (see Recompute), never a mix.

-- Sends by the day they went out.
CREATE TABLE snap_messages (
    grain         smallint NOT NULL,
    day           date NOT NULL,
    campaign_id   uuid,
    variant       text,
    owner         text,
    country       text,
    source        text,
    sent          bigint NOT NULL,
    delivered     bigint NOT NULL,
    read          bigint NOT NULL,
    failed        bigint NOT NULL,
    replied       bigint NOT NULL,
    clicked       bigint NOT NULL,
    opted_out     bigint NOT NULL,
    conversions   bigint NOT NULL,
    holdout       bigint NOT NULL,
    holdout_conversions bigint NOT NULL,
    recipients    bigint NOT NULL,
    billable      bigint NOT NULL,
    unpriced      bigint NOT NULL,
    message_fees  numeric(18, 6) NOT NULL
);
CREATE INDEX snap_messages_day_idx ON snap_messages (grain, day);
CREATE INDEX snap_messages_campaign_idx ON snap_messages (campaign_id, grain, day);

-- Deals by the day of each stage event (inquiry, quote, win), attributed to a campaign.
CREATE TABLE snap_deals (
    grain         smallint NOT NULL,
    day              date NOT NULL,
    campaign_id      uuid,
    owner            text,
    country          text,
    source           text,
    inquiries        bigint NOT NULL,
    quotes           bigint NOT NULL,
    quoted_inquiries bigint NOT NULL,
    won              bigint NOT NULL,
    revenue          numeric(18, 2) NOT NULL,
    value            numeric(18, 2) NOT NULL,
    with_profit      bigint NOT NULL,
    repeat_won       bigint NOT NULL,
    repeat_revenue   numeric(18, 2) NOT NULL,
    repeat_value     numeric(18, 2) NOT NULL,
    repeat_customers bigint NOT NULL,
    cycle_days_sum   numeric(18, 4) NOT NULL,
    cycle_count      bigint NOT NULL
);
CREATE INDEX snap_deals_day_idx ON snap_deals (grain, day);

-- Contacts by the day they were added (cohorts: what became of the contacts added that day).
CREATE TABLE snap_contacts (
    grain         smallint NOT NULL,
    day               date NOT NULL,
    owner             text,
    country           text,
    source            text,
    added             bigint NOT NULL,
    accepted          bigint NOT NULL,
    effective         bigint NOT NULL,
    high_intent       bigint NOT NULL,
    first_touch_1h    bigint NOT NULL,
    tagged            bigint NOT NULL,
    referrals         bigint NOT NULL,
    converted         bigint NOT NULL,
    repeat_customers  bigint NOT NULL
);
CREATE INDEX snap_contacts_day_idx ON snap_contacts (grain, day);

-- Conversations with contacts by day and owner.
CREATE TABLE snap_interactions (
    day                  date NOT NULL,
    owner                text,
    inbound              bigint NOT NULL,
    outbound             bigint NOT NULL,
    conversations        bigint NOT NULL,
    turns                bigint NOT NULL,
    responses            bigint NOT NULL,
    response_seconds_sum numeric(18, 3) NOT NULL,
    response_median_s    numeric(18, 3),
    response_p90_s       numeric(18, 3)
);
CREATE INDEX snap_interactions_day_idx ON snap_interactions (day);

-- Turns per contact and day (deep interaction: >= 3 turns in a period).
CREATE TABLE snap_contact_turns (
    day         date NOT NULL,
    contact_id  uuid NOT NULL,
    owner       text,
    turns       int NOT NULL
);
CREATE INDEX snap_contact_turns_day_idx ON snap_contact_turns (day);
