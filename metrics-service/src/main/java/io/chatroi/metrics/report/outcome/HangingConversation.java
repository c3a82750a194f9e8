package io.chatroi.metrics.report.outcome;

import io.chatroi.common.sql.SqlTimes;
import io.vertx.mutiny.sqlclient.Row;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * A conversation left hanging (seed 003's "no proper ending"): the contact wrote last and nobody answered within the
 * 24-hour window, so it is follow-up work for the contact's owner.
 */
@Schema(requiredProperties = {"contactId", "owner", "waitingSince", "lastInboundAt"})
public record HangingConversation(UUID contactId,
                                  @Schema(nullable = true, description = "the contact's owner") String owner,
                                  @Schema(description = "the first of the contact's messages since the last answer")
                                  Instant waitingSince,
                                  @Schema(description = "the contact's last message") Instant lastInboundAt) {

    static HangingConversation from(Row row) {
        return new HangingConversation(row.getUUID("contact_id"), row.getString("owner"),
                SqlTimes.instant(row, "waiting_since"), SqlTimes.instant(row, "last_inbound_at"));
    }
}
