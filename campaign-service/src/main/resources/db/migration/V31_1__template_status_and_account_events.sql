-- Meta's verdict on each template (message_template_status_update: APPROVED, REJECTED, PAUSED, DISABLED...), with
-- its reason and time. Null until Meta reports one: a template is registered here once it is approved at Meta.
ALTER TABLE templates ADD COLUMN status text, ADD COLUMN status_reason text, ADD COLUMN status_at timestamptz;

-- A campaign the product paused says why (its template was paused or disabled at Meta); null after a manual pause.
ALTER TABLE campaigns ADD COLUMN paused_reason text, ADD COLUMN paused_at timestamptz;

-- The account's health as Meta reports it: template status updates, phone number quality updates and account
-- updates. Keyed like provider_errors by the delivery's body and the event's place in it, so Meta's retry of a
-- delivery stores nothing twice. value is the change's value as sent.
CREATE TABLE account_events (
    id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    delivery_key             text NOT NULL,
    position                 int NOT NULL,
    field                    text NOT NULL,
    event                    text,
    waba_id                  text,
    at                       timestamptz NOT NULL,
    template_id              text,
    template_name            text,
    template_language        text,
    reason                   text,
    display_phone_number     text,
    old_limit                text,
    current_limit            text,
    max_daily_conversations  text,
    violation_type           text,
    ban_state                text,
    value                    jsonb NOT NULL,
    received_at              timestamptz NOT NULL,
    UNIQUE (delivery_key, position)
);
CREATE INDEX account_events_at_idx ON account_events (at DESC, id DESC);
