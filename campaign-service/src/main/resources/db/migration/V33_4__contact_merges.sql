-- Contacts merged in contacts-service (GET /api/v1/contact-merges): the absorbed contact's sends and orders are
-- re-pointed to the survivor. Merges are kept, flattened to the final survivor, so a row written later under an
-- absorbed id is re-pointed too; the feed's position resumes after any failure.
CREATE TABLE contact_merges (
    absorbed_id  uuid PRIMARY KEY,
    survivor_id  uuid NOT NULL,
    merged_at    timestamptz NOT NULL
);
CREATE INDEX contact_merges_survivor_idx ON contact_merges (survivor_id);
CREATE TABLE feed_cursors (
    feed           text PRIMARY KEY,
    updated_after  timestamptz,
    after_cursor   text
);
CREATE INDEX sends_contact_idx ON sends (contact_id);
CREATE INDEX orders_contact_idx ON orders (contact_id) WHERE contact_id IS NOT NULL;
