-- The click-to-WhatsApp ad referrals of contacts, pulled from contacts-service's feed (GET /api/v1/ad-referrals),
-- and the ad grain of the snapshots: grain 7 = (day, campaign, owner, ad), where a contact's ad is the first one it
-- came through (its earliest referral; NULL: it came through none), as the first referral is what set its source.
CREATE TABLE f_ad_referrals (
    id           uuid PRIMARY KEY,
    contact_id   uuid NOT NULL,
    source_id    text,
    source_type  text,
    headline     text,
    at           timestamptz NOT NULL,
    created_at   timestamptz NOT NULL
);
CREATE INDEX f_ad_referrals_contact_idx ON f_ad_referrals (contact_id, at, id);

-- Added last in the daily and the monthly table alike: the rollups copy columns by position (V4).
ALTER TABLE snap_messages ADD COLUMN ad_id text;
ALTER TABLE snap_messages_monthly ADD COLUMN ad_id text;
ALTER TABLE snap_deals ADD COLUMN ad_id text;
ALTER TABLE snap_deals_monthly ADD COLUMN ad_id text;
ALTER TABLE snap_contacts ADD COLUMN ad_id text;
ALTER TABLE snap_contacts_monthly ADD COLUMN ad_id text;

-- No referral is synced yet, so every contact came through no ad: the ad grain of the days already computed is their
-- main grain without variants. The sync then marks the days of each contact whose referral arrives.
INSERT INTO snap_messages
SELECT 7, day, campaign_id, NULL, owner, NULL, NULL, sum(sent), sum(delivered), sum(read), sum(failed), sum(replied),
       sum(clicked), sum(opted_out), sum(conversions), sum(holdout), sum(holdout_conversions), sum(recipients),
       sum(billable), sum(unpriced), sum(message_fees), sum(reacted), NULL
FROM snap_messages WHERE grain = 3 GROUP BY day, campaign_id, owner;
INSERT INTO snap_messages_monthly
SELECT 7, day, campaign_id, NULL, owner, NULL, NULL, sum(sent), sum(delivered), sum(read), sum(failed), sum(replied),
       sum(clicked), sum(opted_out), sum(conversions), sum(holdout), sum(holdout_conversions), sum(recipients),
       sum(billable), sum(unpriced), sum(message_fees), sum(reacted), NULL
FROM snap_messages_monthly WHERE grain = 3 GROUP BY day, campaign_id, owner;

INSERT INTO snap_deals SELECT 7, day, campaign_id, owner, NULL, NULL, inquiries, quotes, quoted_inquiries, won, revenue,
       value, with_profit, repeat_won, repeat_revenue, repeat_value, repeat_customers, cycle_days_sum, cycle_count, NULL
FROM snap_deals WHERE grain = 3;
INSERT INTO snap_deals_monthly SELECT 7, day, campaign_id, owner, NULL, NULL, inquiries, quotes, quoted_inquiries, won,
       revenue, value, with_profit, repeat_won, repeat_revenue, repeat_value, repeat_customers, cycle_days_sum,
       cycle_count, NULL
FROM snap_deals_monthly WHERE grain = 3;

INSERT INTO snap_contacts SELECT 7, day, owner, NULL, NULL, added, accepted, effective, high_intent, first_touch_1h,
       tagged, referrals, converted, repeat_customers, NULL
FROM snap_contacts WHERE grain = 3;
INSERT INTO snap_contacts_monthly SELECT 7, day, owner, NULL, NULL, added, accepted, effective, high_intent,
       first_touch_1h, tagged, referrals, converted, repeat_customers, NULL
FROM snap_contacts_monthly WHERE grain = 3;
