package io.chatroi.metrics.report.alert;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One live check and its outcome. */
@Schema(requiredProperties = {"id", "status", "severity", "message", "value"})
public record Alert(@Schema(description = "the check: highActivityShare, optOutRate, openRate, nightlyRecompute,"
                            + " errorSpike:<code>, stalledCampaign:<campaign id>, sync:<stream>, accountHealth (or"
                            + " accountHealth:template:<name>:<language>, accountHealth:phone:<number>,"
                            + " accountHealth:account:<WABA id>)") String id,
                    Status status, Severity severity, String message,
                    @Schema(nullable = true, description = "the measured value where the check has one")
                    Double value) {

    /** ok, firing, or not measurable yet (nothing to divide by). */
    @Schema(name = "AlertStatus")
    public enum Status {
        OK, ALERT, UNKNOWN;

        @JsonValue
        public String wire() {
            return name().toLowerCase();
        }
    }

    @Schema(name = "AlertSeverity")
    public enum Severity {
        WARNING, CRITICAL;

        @JsonValue
        public String wire() {
            return name().toLowerCase();
        }
    }
}
