package io.chatroi.metrics.report.alert;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** The answer of {@code GET /api/v1/alerts}: every check, and how many fire. */
@Schema(requiredProperties = {"checkedAt", "alerts", "firing"})
public record Alerts(Instant checkedAt, List<Alert> alerts, long firing) {

    public static Alerts of(Instant checkedAt, List<Alert> alerts) {
        return new Alerts(checkedAt, alerts, alerts.stream().filter(a -> a.status() == Alert.Status.ALERT).count());
    }
}
