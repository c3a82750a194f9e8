-- /roi counts the won deals of its range in another currency than the workspace's (left out of the snapshots). They
-- are rare, but without an index that starts with the currency every /roi read all won deals (40,000 rows, ~1,800
-- buffers at bench scale) to find none. RoiRepository asks for currency < $c OR currency > $c (the same rows as
-- currency <> $c), which this index answers with two short range scans.
CREATE INDEX f_deals_won_currency_idx ON f_deals (currency, won_at) WHERE stage = 'won';
