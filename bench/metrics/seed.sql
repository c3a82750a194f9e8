-- Seeds metrics-service's own fact tables directly (no sync): 1,000,000 contacts, 10,000,000 sends with their
-- receipt states, 100,000 deals, 2,000,000 interactions and 100 campaigns over the last 365 days.
-- psql -v ON_ERROR_STOP=1 -d <metrics database> -f bench/metrics/seed.sql
\timing on
-- f_customers is not listed: truncating f_contacts or f_deals empties it by trigger (V5), and naming it in the same
-- statement makes that trigger's TRUNCATE fail ("being used by active queries").
TRUNCATE f_contacts, f_interactions, f_deals, f_campaigns, f_sends, dirty_days, snap_messages, snap_deals,
    snap_contacts, snap_interactions, snap_contact_turns, snap_messages_monthly, snap_deals_monthly,
    snap_contacts_monthly, snap_contact_turn_totals, snap_response_times, snap_recipient_days, snap_recipients,
    snap_retention,
    recompute_runs, sync_cursors;
DROP INDEX IF EXISTS f_sends_at_idx, f_sends_campaign_idx, f_sends_updated_idx, f_sends_contact_idx,
    f_interactions_contact_idx, f_interactions_at_idx, f_contacts_created_idx, f_deals_contact_idx;
ALTER TABLE f_sends SET UNLOGGED;

INSERT INTO f_campaigns (id, name, owner, status, goal_type, goal_window_days, variants, created_at, updated_at,
                         launched_at)
SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(c), 12, '0'))::uuid, 'Campaign ' || c, 'owner-' || (c % 20),
       'completed', (ARRAY['reply', 'reply', 'reply', 'reply', 'reply', 'reply', 'reply', 'click', 'click',
       'deal_won'])[1 + c % 10], 7, '[{"key":"A"},{"key":"B"}]',
       date_trunc('day', now()) - make_interval(days => 365 - (c * 365 / 100)),
       now(), date_trunc('day', now()) - make_interval(days => 365 - (c * 365 / 100)) + interval '9 hours'
FROM generate_series(0, 99) AS c;

INSERT INTO f_contacts (id, owner, source, country, stage, intent, accepted_at, referred_by, last_inbound_at, erased,
                        created_at, updated_at)
SELECT ('00000000-0000-4000-9000-' || lpad(to_hex(i), 12, '0'))::uuid, 'owner-' || (i % 20),
       (ARRAY['trade_show', 'b2b_inquiry', 'website', 'social', 'ads_ctwa', 'referral', 'import', 'other'])[1 + i % 8],
       (ARRAY['US', 'DE', 'BR', 'IN', 'AE', 'GB', 'CN', 'NG', 'MX', 'FR'])[1 + (i / 8) % 10],
       'engaged', CASE WHEN i % 3 = 0 THEN 'high' WHEN i % 3 = 1 THEN 'medium' END,
       CASE WHEN i % 10 < 7 THEN now() - make_interval(days => i % 365) + interval '10 minutes' END,
       NULL, now() - make_interval(hours => i % 2000), false,
       now() - make_interval(days => i % 365, secs => i % 86400), now()
FROM generate_series(0, 999999) AS i;

-- 10 M sends: campaign c sends 100,000 messages starting at its launch, one every 0.8 s (about 22 hours)
INSERT INTO f_sends (id, campaign_id, variant, contact_id, phone, calling_code, country, status, error_code, sent_at,
                     delivery, delivered_at, read_at, replied_at, clicked_at, clicks, opted_out_at, pricing_category,
                     billable, created_at, updated_at)
SELECT ('00000000-0000-4000-a000-' || lpad(to_hex(i), 12, '0'))::uuid,
       ('00000000-0000-4000-8000-' || lpad(to_hex(i / 100000), 12, '0'))::uuid,
       CASE WHEN i % 2 = 0 THEN 'A' ELSE 'B' END,
       ('00000000-0000-4000-9000-' || lpad(to_hex((i * 7) % 1000000), 12, '0'))::uuid,
       '+49151' || lpad((i % 10000000)::text, 8, '0'),
       (ARRAY['1', '49', '55', '91', '971', '44', '86', '234', '52', '33'])[1 + i % 10],
       (ARRAY['US', 'DE', 'BR', 'IN', 'AE', 'GB', 'CN', 'NG', 'MX', 'FR'])[1 + i % 10],
       CASE WHEN i % 33 = 0 THEN 'failed' ELSE 'sent' END,
       CASE WHEN i % 33 = 0 THEN (ARRAY[131026, 131047, 131049])[1 + i % 3] END,
       t.sent_at,
       CASE WHEN i % 33 = 0 THEN 'failed' WHEN i % 20 < 17 THEN 'read' WHEN i % 20 < 19 THEN 'delivered' ELSE 'sent' END,
       CASE WHEN i % 33 <> 0 AND i % 20 < 19 THEN t.sent_at + interval '5 seconds' END,
       CASE WHEN i % 33 <> 0 AND i % 20 < 17 THEN t.sent_at + interval '2 minutes' END,
       CASE WHEN i % 4 = 0 AND i % 33 <> 0 THEN t.sent_at + interval '30 minutes' END,
       CASE WHEN i % 10 = 1 THEN t.sent_at + interval '10 minutes' END,
       CASE WHEN i % 10 = 1 THEN 1 ELSE 0 END,
       CASE WHEN i % 250 = 7 THEN t.sent_at + interval '1 hour' END,
       'marketing', i % 33 <> 0,
       t.sent_at - interval '1 minute', now()
FROM generate_series(0, 9999999) AS i,
     LATERAL (SELECT date_trunc('day', now()) - make_interval(days => 365 - ((i / 100000) * 365 / 100))
                     + interval '9 hours' + make_interval(secs => (i % 100000) * 0.8) AS sent_at) AS t;

INSERT INTO f_deals (id, contact_id, stage, inquiry_at, quoted_at, won_at, lost_at, order_amount, profit, currency,
                     campaign_id, owner, created_at, updated_at)
SELECT ('00000000-0000-4000-b000-' || lpad(to_hex(i), 12, '0'))::uuid,
       ('00000000-0000-4000-9000-' || lpad(to_hex((i * 70) % 1000000), 12, '0'))::uuid,
       (ARRAY['won', 'won', 'lost', 'quoted', 'inquiry'])[1 + i % 5],
       now() - make_interval(days => i % 365, hours => 5),
       CASE WHEN i % 5 < 4 THEN now() - make_interval(days => i % 365, hours => 3) END,
       CASE WHEN i % 5 < 2 THEN now() - make_interval(days => i % 365) END,
       CASE WHEN i % 5 = 2 THEN now() - make_interval(days => i % 365) END,
       CASE WHEN i % 5 < 2 THEN 500 + (i % 50) * 100 END,
       CASE WHEN i % 5 < 2 AND i % 4 <> 0 THEN 100 + (i % 50) * 20 END,
       'USD', NULL, 'owner-' || (i % 20), now() - make_interval(days => i % 365, hours => 5), now()
FROM generate_series(0, 99999) AS i;

INSERT INTO f_interactions (id, contact_id, direction, at, agent, created_at)
SELECT gen_random_uuid(), ('00000000-0000-4000-9000-' || lpad(to_hex(i / 2), 12, '0'))::uuid,
       CASE WHEN i % 2 = 0 THEN 'outbound' ELSE 'inbound' END,
       now() - make_interval(days => (i / 2) % 365) + make_interval(mins => 20 + i % 2 * 7),
       NULL, now()
FROM generate_series(0, 1999999) AS i;

ALTER TABLE f_sends SET LOGGED;
CREATE INDEX f_sends_at_idx ON f_sends (at);
CREATE INDEX f_sends_campaign_idx ON f_sends (campaign_id, at);
CREATE INDEX f_sends_updated_idx ON f_sends (updated_at);
CREATE INDEX f_sends_contact_idx ON f_sends (contact_id, sent_at);
CREATE INDEX f_interactions_contact_idx ON f_interactions (contact_id, at);
CREATE INDEX f_interactions_at_idx ON f_interactions (at);
CREATE INDEX f_contacts_created_idx ON f_contacts (created_at);
CREATE INDEX f_deals_contact_idx ON f_deals (contact_id, won_at);
VACUUM ANALYZE f_contacts;
VACUUM ANALYZE f_sends;
VACUUM ANALYZE f_deals;
VACUUM ANALYZE f_interactions;
VACUUM ANALYZE f_campaigns;
SELECT (SELECT count(*) FROM f_contacts) AS contacts, (SELECT count(*) FROM f_sends) AS sends,
       (SELECT count(*) FROM f_deals) AS deals, (SELECT count(*) FROM f_interactions) AS interactions;
