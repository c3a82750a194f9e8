-- Lists filtered by recent activity are ordered by (last_inbound_at, id) (see ContactOrder.RECENTLY_ACTIVE), so
-- the index carries the id too and a page is one backward range scan.
DROP INDEX contacts_last_inbound_idx;
CREATE INDEX contacts_last_inbound_idx ON contacts (last_inbound_at, id);
