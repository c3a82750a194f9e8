-- Orders placed in a WhatsApp chat (an inbound message of type order): the cart's items as
-- [{productRetailerId, quantity, itemPrice, currency}], its total (null when the items mix currencies or lack a
-- price) and the campaign send it answers (the message's context, else the contact's latest send within the
-- campaign's attribution window), credited once as the webhook stores the message.
CREATE TABLE whatsapp_orders (
    message_id   text PRIMARY KEY,
    phone        text NOT NULL,
    at           timestamptz NOT NULL,
    catalog_id   text,
    text         text,
    items        jsonb NOT NULL,
    total        numeric(18, 4),
    currency     text,
    send_id      uuid,
    campaign_id  uuid,
    received_at  timestamptz NOT NULL
);
CREATE INDEX whatsapp_orders_campaign_idx ON whatsapp_orders (campaign_id) WHERE campaign_id IS NOT NULL;
