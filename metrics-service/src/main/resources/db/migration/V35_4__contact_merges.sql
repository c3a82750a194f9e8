-- Contacts merged in contacts-service (its contact-merges feed): facts synced under the absorbed contact's id
-- (interactions, deals, sends) are re-pointed to the survivor after every sync, so a person is counted once.
-- Merges are kept flattened to the final survivor, so a fact that arrives later under an absorbed id follows too.
CREATE TABLE f_contact_merges (
    absorbed_id  uuid PRIMARY KEY,
    survivor_id  uuid NOT NULL,
    merged_at    timestamptz NOT NULL
);
CREATE INDEX f_contact_merges_survivor_idx ON f_contact_merges (survivor_id);
