-- contacts-service schema. Times are timestamptz (UTC instants), money numeric, ids UUIDs.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE contacts (
    id                 uuid PRIMARY KEY,
    phone              text UNIQUE,
    name               text,
    company            text,
    country            text,
    language           text,
    time_zone          text,
    source             text NOT NULL DEFAULT 'other',
    owner              text,
    stage              text NOT NULL DEFAULT 'new',
    accepted_at        timestamptz,
    opted_out          boolean NOT NULL DEFAULT false,
    opted_out_at       timestamptz,
    referred_by        uuid REFERENCES contacts (id),
    attributes         jsonb NOT NULL DEFAULT '{}',
    preferences        jsonb,
    intent             text,
    intent_at          timestamptz,
    last_inbound_at    timestamptz,
    last_outbound_at   timestamptz,
    -- tiers as last written to the tag history; reads compute the live tier from the timestamps above
    activity_recorded  text,
    intent_recorded    text,
    follow_up_due_at   timestamptz,
    follow_up_reason   text,
    erased_at          timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    -- free-text search target: lower-cased name, company and phone digits
    search_text        text GENERATED ALWAYS AS (
        lower(coalesce(name, '') || ' ' || coalesce(company, '') || ' ' || coalesce(phone, ''))) STORED,
    CONSTRAINT contacts_source_check CHECK (source IN
        ('trade_show', 'b2b_inquiry', 'website', 'social', 'ads_ctwa', 'referral', 'import', 'other')),
    CONSTRAINT contacts_stage_check CHECK (stage IN
        ('new', 'engaged', 'inquiry', 'quoted', 'customer', 'repeat_customer', 'churned'))
);

-- Keyset pages: newest first by default, and (updated_at, id) for incremental sync.
CREATE INDEX contacts_created_idx ON contacts (created_at, id);
CREATE INDEX contacts_updated_idx ON contacts (updated_at, id);
-- Agents list their own book of contacts constantly.
CREATE INDEX contacts_owner_created_idx ON contacts (owner, created_at, id);
-- Activity tiers and behaviour segments are ranges on the last inbound time.
CREATE INDEX contacts_last_inbound_idx ON contacts (last_inbound_at);
CREATE INDEX contacts_follow_up_idx ON contacts (follow_up_due_at, id) WHERE follow_up_due_at IS NOT NULL;
CREATE INDEX contacts_search_trgm_idx ON contacts USING gin (search_text gin_trgm_ops);

CREATE TABLE tags (
    name         text PRIMARY KEY,
    colour       text NOT NULL,
    category     text NOT NULL,
    description  text,
    system       boolean NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tags_category_check CHECK (category IN ('activity', 'intent', 'interest', 'source', 'custom'))
);

CREATE TABLE contact_tags (
    contact_id   uuid NOT NULL REFERENCES contacts (id),
    tag_name     text NOT NULL REFERENCES tags (name) ON UPDATE CASCADE,
    assigned_at  timestamptz NOT NULL DEFAULT now(),
    assigned_by  text NOT NULL,
    PRIMARY KEY (contact_id, tag_name)
);
CREATE INDEX contact_tags_tag_idx ON contact_tags (tag_name, contact_id);

-- Every tag added to or removed from a contact, including tier moves, for tag-coverage and tier-history KPIs.
CREATE TABLE tag_events (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    contact_id   uuid NOT NULL,
    tag_name     text NOT NULL,
    action       text NOT NULL CHECK (action IN ('added', 'removed')),
    at           timestamptz NOT NULL,
    actor        text NOT NULL
);
CREATE INDEX tag_events_contact_idx ON tag_events (contact_id, at);

CREATE TABLE interactions (
    id            uuid PRIMARY KEY,
    contact_id    uuid NOT NULL REFERENCES contacts (id),
    direction     text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    at            timestamptz NOT NULL,
    text          text,
    message_type  text,
    category      text,
    agent         text,
    external_id   text UNIQUE,
    intent        text,
    interests     text[] NOT NULL DEFAULT '{}',
    opted_out     boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX interactions_contact_at_idx ON interactions (contact_id, at);

CREATE TABLE classification_rules (
    id          uuid PRIMARY KEY,
    kind        text NOT NULL CHECK (kind IN ('intent', 'interest', 'opt-out')),
    label       text NOT NULL,
    phrase      text NOT NULL,
    system      boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (kind, label, phrase)
);

CREATE TABLE deals (
    id             uuid PRIMARY KEY,
    contact_id     uuid NOT NULL REFERENCES contacts (id),
    stage          text NOT NULL CHECK (stage IN ('inquiry', 'quoted', 'won', 'lost')),
    inquiry_at     timestamptz,
    quoted_at      timestamptz,
    quote_amount   numeric(18, 2) CHECK (quote_amount >= 0),
    won_at         timestamptz,
    lost_at        timestamptz,
    order_amount   numeric(18, 2) CHECK (order_amount >= 0),
    profit         numeric(18, 2),
    currency       char(3),
    campaign_id    uuid,
    owner          text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX deals_contact_idx ON deals (contact_id);
CREATE INDEX deals_updated_idx ON deals (updated_at, id);

CREATE TABLE segments (
    id           uuid PRIMARY KEY,
    name         text NOT NULL UNIQUE,
    description  text,
    filter       jsonb NOT NULL DEFAULT '{}',
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- Create endpoints accept an Idempotency-Key: the first answer is kept and replayed for the same key.
CREATE TABLE idempotency_keys (
    key            text PRIMARY KEY,
    request_hash   text NOT NULL,
    resource_id    uuid NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);

-- System tags of KPIS.md section 5 (seed 002), with their colours.
INSERT INTO tags (name, colour, category, description, system) VALUES
  ('activity:high',        'green',  'activity', 'Last inbound message within 24 h', true),
  ('activity:medium',      'yellow', 'activity', 'Last inbound message within 3 days', true),
  ('activity:low',         'orange', 'activity', 'Last inbound message within 7 days', true),
  ('activity:dormant',     'grey',   'activity', 'No inbound message for more than 7 days, or never', true),
  ('intent:high',          'red',    'intent',   'Asks price, discount, stock or availability', true),
  ('intent:medium',        'yellow', 'intent',   'Asks specifications, function or after-sales', true),
  ('intent:potential',     'blue',   'intent',   'Only polite replies', true),
  ('intent:none',          'grey',   'intent',   'Read but never replied, or declines', true),
  ('interest:discount',    'red',    'interest', 'Asks about discounts, coupons, sales', true),
  ('interest:new-product', 'blue',   'interest', 'Asks about new models and upgrades', true),
  ('interest:function',    'green',  'interest', 'Asks about specs, durability, comparisons', true),
  ('interest:content',     'purple', 'interest', 'Asks for tutorials, guides, care', true),
  ('interest:loyal',       'gold',   'interest', 'Has used the product, recommends it', true);

-- Trigger phrases of KPIS.md section 5 in English and Chinese; workspaces add their own through the API.
INSERT INTO classification_rules (id, kind, label, phrase, system)
SELECT gen_random_uuid(), r.kind, r.label, r.phrase, true FROM (VALUES
  ('intent', 'high', 'how much'), ('intent', 'high', 'price'), ('intent', 'high', 'prices'),
  ('intent', 'high', 'quote'), ('intent', 'high', 'quotation'), ('intent', 'high', 'discount'),
  ('intent', 'high', 'in stock'), ('intent', 'high', 'availability'), ('intent', 'high', 'available'),
  ('intent', 'high', 'moq'), ('intent', 'high', 'cost'),
  ('intent', 'high', '多少钱'), ('intent', 'high', '价格'), ('intent', 'high', '报价'), ('intent', 'high', '有现货吗'),
  ('intent', 'high', '现货'), ('intent', 'high', '库存'), ('intent', 'high', '优惠'),
  ('intent', 'medium', 'size'), ('intent', 'medium', 'weight'), ('intent', 'medium', 'warranty'),
  ('intent', 'medium', 'specs'), ('intent', 'medium', 'specification'), ('intent', 'medium', 'specifications'),
  ('intent', 'medium', 'function'), ('intent', 'medium', 'after-sales'), ('intent', 'medium', 'material'),
  ('intent', 'medium', '规格'), ('intent', 'medium', '尺寸'), ('intent', 'medium', '保修'),
  ('intent', 'medium', '重量'), ('intent', 'medium', '功能'), ('intent', 'medium', '售后'),
  ('intent', 'potential', 'thanks'), ('intent', 'potential', 'thank you'), ('intent', 'potential', 'ok'),
  ('intent', 'potential', 'okay'), ('intent', 'potential', 'great'), ('intent', 'potential', 'noted'),
  ('intent', 'potential', '谢谢'), ('intent', 'potential', '好的'), ('intent', 'potential', '收到'),
  ('intent', 'none', 'not now'), ('intent', 'none', 'no need'), ('intent', 'none', 'not interested'),
  ('intent', 'none', 'no thanks'), ('intent', 'none', '暂时不需要'), ('intent', 'none', '不需要'),
  ('intent', 'none', '不用了'),
  ('interest', 'discount', 'discount'), ('interest', 'discount', 'coupon'), ('interest', 'discount', 'sale'),
  ('interest', 'discount', 'promotion'), ('interest', 'discount', '有优惠吗'), ('interest', 'discount', '打折'),
  ('interest', 'discount', '优惠'),
  ('interest', 'new-product', 'new model'), ('interest', 'new-product', 'latest'),
  ('interest', 'new-product', 'upgrade'), ('interest', 'new-product', 'new product'),
  ('interest', 'new-product', '新款'), ('interest', 'new-product', '最新'),
  ('interest', 'function', 'specs'), ('interest', 'function', 'durability'), ('interest', 'function', 'compare'),
  ('interest', 'function', 'weight'), ('interest', 'function', '规格参数'), ('interest', 'function', '耐用'),
  ('interest', 'content', 'tutorial'), ('interest', 'content', 'guide'), ('interest', 'content', 'how to'),
  ('interest', 'content', '教程'), ('interest', 'content', '保养'),
  ('interest', 'loyal', 'used your product'), ('interest', 'loyal', 'recommend'),
  ('interest', 'loyal', '用过你们'), ('interest', 'loyal', '推荐给朋友'),
  ('opt-out', 'stop', 'stop'), ('opt-out', 'stop', 'unsubscribe'), ('opt-out', 'stop', 'stop all'),
  ('opt-out', 'stop', '退订'), ('opt-out', 'stop', '取消订阅')
) AS r (kind, label, phrase);
