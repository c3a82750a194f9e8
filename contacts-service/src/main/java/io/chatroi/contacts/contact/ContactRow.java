package io.chatroi.contacts.contact;

import io.chatroi.contacts.filter.CustomerClass;
import io.chatroi.contacts.followup.FollowUp;
import io.chatroi.contacts.tier.ActivityTier;
import io.chatroi.contacts.tier.IntentTier;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import static io.chatroi.common.sql.SqlTimes.instant;

/** A contacts table row as stored, before read-time tiers are computed. */
public record ContactRow(UUID id, String phone, String name, String company, String country, String language,
                         String timeZone, String source, String owner, String stage, Instant acceptedAt,
                         boolean optedOut, Instant optedOutAt, UUID referredBy, Map<String, Object> attributes,
                         JsonObject preferences, String intent, Instant lastInboundAt, Instant lastOutboundAt,
                         Instant followUpDueAt, String followUpReason, Instant erasedAt, Instant createdAt,
                         Instant updatedAt, List<String> tags, String whatsappUserId, String username,
                         UUID mergedInto) {

    /** The select list matching {@link #from}; tags are aggregated per row, which is cheap for one page. */
    public static final String COLUMNS = """
            c.id, c.phone, c.name, c.company, c.country, c.language, c.time_zone, c.source, c.owner, c.stage,
            c.accepted_at, c.opted_out, c.opted_out_at, c.referred_by, c.attributes, c.preferences, c.intent,
            c.last_inbound_at, c.last_outbound_at, c.follow_up_due_at, c.follow_up_reason, c.erased_at, c.created_at,
            c.updated_at, c.whatsapp_user_id, c.username, c.merged_into,
            array(SELECT t.tag_name FROM contact_tags t WHERE t.contact_id = c.id ORDER BY t.tag_name) AS tags""";

    public static ContactRow from(Row row) {
        String[] tags = row.getArrayOfStrings("tags");
        JsonObject attributes = row.getJsonObject("attributes");
        return new ContactRow(row.getUUID("id"), row.getString("phone"), row.getString("name"),
                row.getString("company"), row.getString("country"), row.getString("language"),
                row.getString("time_zone"), row.getString("source"), row.getString("owner"), row.getString("stage"),
                instant(row, "accepted_at"), row.getBoolean("opted_out"), instant(row, "opted_out_at"),
                row.getUUID("referred_by"), attributes == null ? Map.of() : attributes.getMap(),
                row.getJsonObject("preferences"), row.getString("intent"), instant(row, "last_inbound_at"),
                instant(row, "last_outbound_at"), instant(row, "follow_up_due_at"), row.getString("follow_up_reason"),
                instant(row, "erased_at"), instant(row, "created_at"), instant(row, "updated_at"),
                tags == null ? List.of() : Arrays.asList(tags), row.getString("whatsapp_user_id"),
                row.getString("username"), row.getUUID("merged_into"));
    }


    public ActivityTier activityAt(Instant now) {
        return ActivityTier.of(lastInboundAt, now);
    }

    public IntentTier intentAt(Instant now) {
        return IntentTier.effective(IntentTier.fromWire(intent), lastInboundAt, lastOutboundAt, now);
    }

    public Contact toContact(Instant now) {
        boolean erased = erasedAt != null;
        ActivityTier activity = activityAt(now);
        IntentTier intentTier = intentAt(now);
        // an erased contact has no class: its data is gone
        CustomerClass customerClass = erased ? null : CustomerClass.of(stage, source, attributes);
        List<String> allTags = new ArrayList<>(tags);
        allTags.add(activity.tagName());
        if (intentTier != null) {
            allTags.add(intentTier.tagName());
        }
        allTags.sort(String::compareTo);
        FollowUp followUp = followUpDueAt == null ? null : new FollowUp(followUpDueAt, followUpReason);
        return new Contact(id, phone, name, company, country, language, timeZone, source, owner, stage, acceptedAt,
                optedOut, optedOutAt, referredBy, attributes, List.copyOf(allTags), activity.wire(),
                intentTier == null ? null : intentTier.wire(),
                customerClass == null ? null : customerClass.name(),
                lastInboundAt, lastOutboundAt, followUp, erased, createdAt, updatedAt, whatsappUserId, username,
                mergedInto);
    }
}
