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
 * The upstream JSON items as the parameters of their fact tables' upserts ({@link SyncRepository}). Parsing is lenient: unknown fields are ignored, missing
 * ones are null, so an owner adding fields never breaks the sync.
 */
final class FactRows {

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
