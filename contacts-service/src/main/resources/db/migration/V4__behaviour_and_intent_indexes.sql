-- Behaviour segments fetch their bounded member set first (ids of recently active or clicking contacts) and then
-- read only those contacts, instead of probing interactions for every contact in the table.
CREATE INDEX interactions_at_idx ON interactions (at);
CREATE INDEX interactions_clicks_idx ON interactions (contact_id) WHERE message_type = 'click';
-- Intent filters: stored intent first, so a rare tier walks only its own rows in page order.
CREATE INDEX contacts_intent_created_idx ON contacts (intent, created_at, id);
