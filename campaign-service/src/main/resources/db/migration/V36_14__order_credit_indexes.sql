-- The credit search of a shop order (issue 14) names a campaign by utm_campaign and then looks for that campaign's
-- send to the buyer. Without these it read every send of the campaign and filtered by phone (EXPLAIN ANALYZE with
-- 4,000 sends per campaign: 4,000 rows and 24-62 ms for one order; bench/RESULTS.md), and scanned all campaigns
-- for the name.
CREATE INDEX sends_campaign_phone_idx ON sends (campaign_id, phone);
CREATE INDEX campaigns_name_idx ON campaigns (name);
