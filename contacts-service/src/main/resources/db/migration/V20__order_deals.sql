-- A deal that a shop order made says so: origin is "<source>:<order id>" (e.g. shopify:450789469), one deal per
-- order; deals entered by people or pushed by integrators have none.
ALTER TABLE deals ADD COLUMN origin text;
CREATE UNIQUE INDEX deals_origin_idx ON deals (origin) WHERE origin IS NOT NULL;
