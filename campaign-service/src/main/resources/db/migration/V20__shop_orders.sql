-- Shop orders (Shopify, WooCommerce, POST /api/v1/orders), one row per (source, external id), with what the order
-- was credited to. The won deal lives in contacts-service: version counts changes, synced_version the last one
-- contacts-service stored, so the forwarder (an outbox) finds what is left to send; unmatched orders (no contact
-- with any of their phones yet) wait until retry_at and are tried again, never dropped.
CREATE TABLE orders (
    id              uuid PRIMARY KEY,
    source          text NOT NULL,
    external_id     text NOT NULL,
    status          text NOT NULL CHECK (status IN ('pending', 'paid', 'cancelled')),
    amount          numeric(18, 2) NOT NULL CHECK (amount >= 0),
    refunded        numeric(18, 2) NOT NULL DEFAULT 0,
    currency        char(3) NOT NULL,
    profit          numeric(18, 2),
    country         text,
    phones          text[] NOT NULL,
    landing_site    text,
    ordered_at      timestamptz NOT NULL,
    paid_at         timestamptz,
    cancelled_at    timestamptz,
    credit          text NOT NULL CHECK (credit IN ('link', 'utm', 'click', 'send', 'none')),
    campaign_id     uuid,
    variant         text,
    send_id         uuid,
    contact_id      uuid,
    deal_id         uuid,
    version         int NOT NULL DEFAULT 1,
    synced_version  int NOT NULL DEFAULT 0,
    retry_at        timestamptz NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    UNIQUE (source, external_id)
);
CREATE INDEX orders_unsynced_idx ON orders (retry_at) WHERE synced_version < version;
CREATE INDEX orders_ordered_idx ON orders (ordered_at, id);
CREATE INDEX orders_campaign_idx ON orders (campaign_id, variant) WHERE campaign_id IS NOT NULL;

-- Refunds by their own id, so a refund delivered twice (or also listed in a later order payload) counts once; a
-- refund may arrive before its order.
CREATE TABLE order_refunds (
    source             text NOT NULL,
    refund_id          text NOT NULL,
    order_external_id  text NOT NULL,
    amount             numeric(18, 2) NOT NULL,
    at                 timestamptz NOT NULL,
    PRIMARY KEY (source, refund_id)
);
CREATE INDEX order_refunds_order_idx ON order_refunds (source, order_external_id);

-- Shop webhook deliveries already processed (X-Shopify-Webhook-Id, X-WC-Webhook-Delivery-ID): a retry is a no-op.
CREATE TABLE shop_deliveries (
    source       text NOT NULL,
    delivery_id  text NOT NULL,
    topic        text,
    received_at  timestamptz NOT NULL,
    PRIMARY KEY (source, delivery_id)
);

-- "the contact's last click within the window" for orders
CREATE INDEX sends_phone_clicked_idx ON sends (phone, clicked_at DESC) WHERE clicked_at IS NOT NULL;
