package io.chatroi.metrics.report.drill;

import io.chatroi.common.sql.SqlTimes;
import io.vertx.mutiny.sqlclient.Row;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A send that counts as a conversion: it went out (no holdout) and reached its campaign's goal. */
@Schema(requiredProperties = {"sendId", "campaignId", "campaignName", "variant", "contactId", "owner", "goal",
        "sentAt"})
public record ConvertedSend(UUID sendId, UUID campaignId,
                            @Schema(nullable = true) String campaignName,
                            @Schema(nullable = true) String variant,
                            @Schema(nullable = true) UUID contactId,
                            @Schema(nullable = true, description = "the contact's owner, else the campaign's")
                            String owner,
                            @Schema(description = "the campaign's goal: reply, click, deal_won or revenue") String goal,
                            @Schema(description = "the instant that places the send on a day") Instant sentAt) {

    static ConvertedSend from(Row row) {
        return new ConvertedSend(row.getUUID("id"), row.getUUID("campaign_id"), row.getString("campaign_name"),
                row.getString("variant"), row.getUUID("contact_id"), row.getString("owner"), row.getString("goal"),
                SqlTimes.instant(row, "at"));
    }
}
