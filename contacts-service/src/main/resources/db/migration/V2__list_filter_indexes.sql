-- The contact list is read newest first and filtered most often by country, stage, source and tags. With the
-- equality column first, each index walks only matching rows in created_at order, so a rare combination no longer
-- scans the newest rows of the whole table (measured: 118 ms -> see bench/RESULTS.md).
CREATE INDEX contacts_country_created_idx ON contacts (country, created_at, id);
CREATE INDEX contacts_stage_created_idx ON contacts (stage, created_at, id);
CREATE INDEX contacts_source_created_idx ON contacts (source, created_at, id);
