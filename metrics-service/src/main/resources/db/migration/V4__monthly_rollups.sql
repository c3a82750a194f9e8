-- Monthly rollups of the daily snapshots, for reports over long ranges: a range reads its whole calendar months
-- from here and only the days at either end from the daily tables. Each has the columns of its daily table, in the
-- same order (a column added to one must be added to the other), with day = the first day of the month; the rows are
-- the daily rows of that month summed per grain and dimensions. The recompute rebuilds the months of the days it
-- rebuilt in the same transaction, so a report never sees the two disagree.

CREATE TABLE snap_messages_monthly (LIKE snap_messages);
CREATE INDEX snap_messages_monthly_day_idx ON snap_messages_monthly (grain, day);
CREATE INDEX snap_messages_monthly_campaign_idx ON snap_messages_monthly (campaign_id, grain, day);

CREATE TABLE snap_deals_monthly (LIKE snap_deals);
CREATE INDEX snap_deals_monthly_day_idx ON snap_deals_monthly (grain, day);

CREATE TABLE snap_contacts_monthly (LIKE snap_contacts);
CREATE INDEX snap_contacts_monthly_day_idx ON snap_contacts_monthly (grain, day);

INSERT INTO snap_messages_monthly
SELECT grain, date_trunc('month', day)::date, campaign_id, variant, owner, country, source, sum(sent), sum(delivered),
       sum(read), sum(failed), sum(replied), sum(clicked), sum(opted_out), sum(conversions), sum(holdout),
       sum(holdout_conversions), sum(recipients), sum(billable), sum(unpriced), sum(message_fees), sum(reacted)
FROM snap_messages GROUP BY grain, 2, campaign_id, variant, owner, country, source;

INSERT INTO snap_deals_monthly
SELECT grain, date_trunc('month', day)::date, campaign_id, owner, country, source, sum(inquiries), sum(quotes),
       sum(quoted_inquiries), sum(won), sum(revenue), sum(value), sum(with_profit), sum(repeat_won),
       sum(repeat_revenue), sum(repeat_value), sum(repeat_customers), sum(cycle_days_sum), sum(cycle_count)
FROM snap_deals GROUP BY grain, 2, campaign_id, owner, country, source;

INSERT INTO snap_contacts_monthly
SELECT grain, date_trunc('month', day)::date, owner, country, source, sum(added), sum(accepted), sum(effective),
       sum(high_intent), sum(first_touch_1h), sum(tagged), sum(referrals), sum(converted), sum(repeat_customers)
FROM snap_contacts GROUP BY grain, 2, owner, country, source;

-- Turns per contact over all days: only a contact with 3 turns in all its history can have 3 in a range, so the
-- count of deep-interaction contacts starts from these and reads only their days (by contact_id) instead of summing
-- every contact's turns of the range. The recompute subtracts a day range's turns before rebuilding it and adds the
-- new ones after.
CREATE TABLE snap_contact_turn_totals (
    contact_id  uuid PRIMARY KEY,
    turns       bigint NOT NULL
);
CREATE INDEX snap_contact_turn_totals_deep_idx ON snap_contact_turn_totals (contact_id) WHERE turns >= 3;
INSERT INTO snap_contact_turn_totals SELECT contact_id, sum(turns) FROM snap_contact_turns GROUP BY contact_id;
CREATE INDEX snap_contact_turns_contact_idx ON snap_contact_turns (contact_id, day) INCLUDE (owner, turns);

-- Today's customers for the funnel: the won deals' contacts, without reading the other deals.
CREATE INDEX f_deals_won_contact_idx ON f_deals (contact_id) WHERE stage = 'won';

ANALYZE snap_messages_monthly;
ANALYZE snap_deals_monthly;
ANALYZE snap_contacts_monthly;
ANALYZE snap_contact_turn_totals;
