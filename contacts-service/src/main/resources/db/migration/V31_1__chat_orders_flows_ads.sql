-- What an inbound WhatsApp message carried beyond its text: the order placed in the chat
-- ({catalogId, items: [{productRetailerId, quantity, itemPrice, currency}], total, currency, campaignId}) and a
-- Flow's reply (nfm_reply.response_json, the JSON text as Meta sent it).
ALTER TABLE interactions ADD COLUMN chat_order jsonb, ADD COLUMN flow_response text;

-- The click-to-WhatsApp ads a contact came through (Meta's referral), one row per message that carried one.
CREATE TABLE contact_ad_referrals (
    id              uuid PRIMARY KEY,
    contact_id      uuid NOT NULL REFERENCES contacts (id),
    interaction_id  uuid NOT NULL REFERENCES interactions (id),
    source_id       text,
    source_type     text,
    source_url      text,
    headline        text,
    ctwa_clid       text,
    at              timestamptz NOT NULL,
    created_at      timestamptz NOT NULL
);
CREATE INDEX contact_ad_referrals_contact_idx ON contact_ad_referrals (contact_id, at DESC, id DESC);
