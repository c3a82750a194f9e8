package io.chatroi.metrics.sync;

import io.chatroi.common.phone.PhoneNumbers;
import io.chatroi.common.whatsapp.MessageKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

/**
 * The upstream JSON items as rows of metrics' fact tables. Parsing is lenient: unknown fields are ignored, missing
 * ones are null, so an owner adding fields never breaks the sync.
 */
final class FactRows {

    static final String CONTACTS = """
            INSERT INTO f_contacts AS f (id, owner, source, country, stage, intent, accepted_at,
            opted_out_at, referred_by, last_inbound_at, erased, created_at, updated_at) VALUES ($1, $2, $3, $4, $5,
            $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (id) DO UPDATE SET owner = excluded.owner,
            source = excluded.source, country = excluded.country, stage = excluded.stage, intent = excluded.intent,
            accepted_at = excluded.accepted_at, opted_out_at = excluded.opted_out_at,
            referred_by = excluded.referred_by, last_inbound_at = excluded.last_inbound_at,
            erased = excluded.erased, created_at = excluded.created_at, updated_at = excluded.updated_at
            WHERE excluded.updated_at >= f.updated_at""";

    /** A merge, pointed at its final survivor when that one was itself absorbed before. */
    static final String CONTACT_MERGES = """
            INSERT INTO f_contact_merges (absorbed_id, survivor_id, merged_at)
            SELECT $1::uuid, coalesce((SELECT survivor_id FROM f_contact_merges WHERE absorbed_id = $2::uuid),
            $2::uuid), $3::timestamptz
            ON CONFLICT (absorbed_id) DO NOTHING""";

    static final String INTERACTIONS = """
            INSERT INTO f_interactions (id, contact_id, direction, at, agent, created_at,
            message_type, turn) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING""";

    static final String DEALS = """
            INSERT INTO f_deals AS f (id, contact_id, stage, inquiry_at, quoted_at, won_at, lost_at,
            order_amount, profit, currency, campaign_id, owner, created_at, updated_at) VALUES ($1, $2, $3, $4, $5,
            $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (id) DO UPDATE SET stage = excluded.stage,
            inquiry_at = excluded.inquiry_at, quoted_at = excluded.quoted_at, won_at = excluded.won_at,
            lost_at = excluded.lost_at, order_amount = excluded.order_amount, profit = excluded.profit,
            currency = excluded.currency, campaign_id = excluded.campaign_id, owner = excluded.owner,
            updated_at = excluded.updated_at WHERE excluded.updated_at >= f.updated_at""";

    static final String CAMPAIGNS = """
            INSERT INTO f_campaigns AS f (id, name, owner, status, goal_type, goal_window_days,
            variants, holdout_percent, launched_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6,
            $7::jsonb, $8, $9, $10, $11) ON CONFLICT (id) DO UPDATE SET name = excluded.name,
            owner = excluded.owner, status = excluded.status, goal_type = excluded.goal_type,
            goal_window_days = excluded.goal_window_days, variants = excluded.variants,
            holdout_percent = excluded.holdout_percent, launched_at = excluded.launched_at,
            updated_at = excluded.updated_at WHERE excluded.updated_at >= f.updated_at""";

    static final String SENDS = """
            INSERT INTO f_sends AS f (id, campaign_id, variant, contact_id, phone, calling_code,
            country, status, reason, error_code, sent_at, delivery, delivered_at, read_at, replied_at, clicked_at,
            clicks, opted_out_at, pricing_category, billable, created_at, updated_at, reacted_at) VALUES ($1, $2, $3,
            $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)
            ON CONFLICT (id) DO UPDATE SET variant = excluded.variant, status = excluded.status,
            reason = excluded.reason, error_code = excluded.error_code, sent_at = excluded.sent_at,
            delivery = excluded.delivery, delivered_at = excluded.delivered_at, read_at = excluded.read_at,
            replied_at = excluded.replied_at, reacted_at = excluded.reacted_at, clicked_at = excluded.clicked_at, clicks = excluded.clicks,
            opted_out_at = excluded.opted_out_at, pricing_category = excluded.pricing_category,
            billable = excluded.billable, updated_at = excluded.updated_at WHERE excluded.updated_at >= f.updated_at""";

    static final String RESOLUTIONS = """
            INSERT INTO f_resolutions AS f (id, contact_id, at, resolved_by, owner,
            created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO UPDATE
            SET contact_id = excluded.contact_id, at = excluded.at, resolved_by = excluded.resolved_by,
            owner = excluded.owner, updated_at = excluded.updated_at WHERE excluded.updated_at >= f.updated_at""";

    /** A referral never changes upstream; a replay (the sync's overlap) is harmless. */
    static final String AD_REFERRALS = """
            INSERT INTO f_ad_referrals (id, contact_id, source_id, source_type, headline, at,
            created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING""";

    private FactRows() {
    }

    static Tuple contact(JsonObject c) {
        return Tuple.from(Arrays.asList(uuid(c, "id"), c.getString("owner"), c.getString("source"),
                c.getString("country"), c.getString("stage"), c.getString("intent"), time(c, "acceptedAt"),
                time(c, "optedOutAt"), uuid(c, "referredBy"), time(c, "lastInboundAt"),
                c.getBoolean("erased", false), time(c, "createdAt"), time(c, "updatedAt")));
    }

    static Tuple interaction(JsonObject i) {
        OffsetDateTime at = time(i, "at");
        OffsetDateTime created = time(i, "createdAt");
        return Tuple.from(Arrays.asList(uuid(i, "id"), uuid(i, "contactId"), i.getString("direction"), at,
                i.getString("agent"), created == null ? at : created, i.getString("messageType"),
                MessageKind.isTurn(i.getString("direction"), i.getString("messageType"))));
    }

    static Tuple deal(JsonObject d) {
        return Tuple.from(Arrays.asList(uuid(d, "id"), uuid(d, "contactId"), d.getString("stage"),
                time(d, "inquiryAt"), time(d, "quotedAt"), time(d, "wonAt"), time(d, "lostAt"),
                money(d, "orderAmount"), money(d, "profit"), d.getString("currency"), uuid(d, "campaignId"),
                d.getString("owner"), time(d, "createdAt"), time(d, "updatedAt")));
    }

    static Tuple adReferral(JsonObject r) {
        return Tuple.from(Arrays.asList(uuid(r, "id"), uuid(r, "contactId"), r.getString("sourceId"),
                r.getString("sourceType"), r.getString("headline"), time(r, "at"), time(r, "createdAt")));
    }

    static Tuple resolution(JsonObject r) {
        return Tuple.from(Arrays.asList(uuid(r, "id"), uuid(r, "contactId"), time(r, "at"), r.getString("by"),
                r.getString("owner"), time(r, "createdAt"), time(r, "updatedAt")));
    }

    static Tuple campaign(JsonObject c) {
        JsonObject goal = c.getJsonObject("goal", new JsonObject());
        // the contract names windowDays and holdoutPercent; campaign-service today sends attributionDays and
        // holdoutWeight: take either
        Object holdout = c.getValue("holdoutPercent") != null ? c.getValue("holdoutPercent") : c.getValue("holdoutWeight");
        Integer window = goal.getInteger("windowDays") != null ? goal.getInteger("windowDays")
                : goal.getInteger("attributionDays", 7);
        JsonArray variants = c.getJsonArray("variants", new JsonArray());
        return Tuple.from(Arrays.asList(uuid(c, "id"), c.getString("name"), c.getString("owner"),
                c.getString("status"), goal.getString("type", "reply"), window,
                variants.encode(), holdout == null ? null : new BigDecimal(holdout.toString()), time(c, "launchedAt"),
                time(c, "createdAt"), time(c, "updatedAt")));
    }

    static Tuple send(JsonObject s) {
        String phone = s.getString("phone");
        String callingCode = null;
        String country = null;
        // a phone the owner accepted but we cannot read: no fee and no country, counted as unpriced
        PhoneNumbers.Origin origin = PhoneNumbers.origin(phone);
        if (origin != null) {
            callingCode = origin.callingCode();
            country = origin.region();
        }
        Object error = s.getValue("errorCode");
        Integer errorCode = error == null ? null : error instanceof Number n ? n.intValue() : parseInt(error.toString());
        return Tuple.from(Arrays.asList(uuid(s, "id"), uuid(s, "campaignId"), s.getString("variant"),
                uuid(s, "contactId"), phone, callingCode, country, s.getString("status", "queued"),
                s.getString("reason"), errorCode, time(s, "sentAt"), s.getString("delivery"), time(s, "deliveredAt"),
                time(s, "readAt"), time(s, "repliedAt"), time(s, "clickedAt"), s.getInteger("clicks", 0),
                time(s, "optedOutAt"), s.getString("pricingCategory"), s.getBoolean("billable"),
                time(s, "createdAt"), time(s, "updatedAt"), time(s, "reactedAt")));
    }

    static Tuple contactMerge(JsonObject item) {
        return Tuple.of(uuid(item, "absorbedId"), uuid(item, "survivorId"), time(item, "mergedAt"));
    }

    static Instant instant(JsonObject item, String field) {
        String value = item.getString(field);
        return value == null ? null : Instant.parse(value);
    }

    private static Integer parseInt(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static UUID uuid(JsonObject item, String field) {
        String value = item.getString(field);
        return value == null ? null : UUID.fromString(value);
    }

    private static OffsetDateTime time(JsonObject item, String field) {
        Instant instant = instant(item, field);
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static BigDecimal money(JsonObject item, String field) {
        Object value = item.getValue(field);
        return value == null ? null : new BigDecimal(value.toString());
    }
}
