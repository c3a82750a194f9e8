package io.chatroi.metrics.report.alert;

import io.chatroi.metrics.kpi.KpiCatalog;
import io.chatroi.metrics.kpi.KpiMath;
import io.chatroi.metrics.kpi.KpiValue;
import io.chatroi.metrics.report.GroupBy;
import io.chatroi.metrics.report.KpiRow;
import io.chatroi.metrics.report.KpiService;
import io.chatroi.metrics.settings.Settings;
import io.chatroi.metrics.sync.FactSources;
import io.vertx.core.json.JsonArray;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.chatroi.metrics.report.alert.AlertRules.percent;

/**
 * Live checks, read when asked (never cached): high-activity share, opt-out and open rate of the last 7 days, error
 * code spikes, stalled campaigns, the nightly recompute, failed sync streams, and the template, phone number and
 * account health Meta reported (read from campaign-service at once).
 */
@ApplicationScoped
public class AlertService {

    private final Pool pool;
    private final AlertRepository repository;
    private final KpiService kpis;
    private final FactSources campaigns;
    private final Clock clock;

    public AlertService(Pool pool, AlertRepository repository, KpiService kpis, FactSources campaigns, Clock clock) {
        this.clock = clock;
        this.pool = pool;
        this.repository = repository;
        this.kpis = kpis;
        this.campaigns = campaigns;
    }

    public Uni<Alerts> alerts(Settings s) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, s.zone());
        KpiService.Filter week = new KpiService.Filter(today.minusDays(6), today, null, null);
        Instant dayAgo = now.minus(Duration.ofHours(24));
        Uni<RowSet<Row>> activity = repository.activity(pool, dayAgo);
        Uni<RowSet<Row>> failures = repository.failures(pool, dayAgo, now.minus(Duration.ofDays(8)));
        Uni<RowSet<Row>> stalled = repository.stalled(pool, now.minus(Duration.ofMinutes(30)));
        Uni<RowSet<Row>> nightly = repository.lastNightly(pool);
        Uni<RowSet<Row>> sync = repository.failedStreams(pool);
        Uni<JsonArray> health = campaigns.accountEvents(now.minus(AccountHealth.LOOKBACK), 500)
                .map(page -> page.items()).onFailure().recoverWithNull();
        return Uni.combine().all().unis(activity, failures, stalled, nightly, kpis.rows(week, GroupBy.NONE, s), sync,
                        health)
                .asTuple().map(t -> {
                    List<Alert> alerts = new ArrayList<>();
                    Row a = t.getItem1().iterator().next();
                    Double share = KpiMath.ratio(a.getLong("high"), a.getLong("contacts"));
                    KpiValue shareValue = KpiCatalog.value("highActivityShare", share);
                    alerts.add(new Alert("highActivityShare", AlertRules.ofKpi(shareValue), Alert.Severity.WARNING,
                            "high-activity contacts (inbound within 24 h) " + percent(share)
                                    + " of contacts; alert under 15%", share));
                    KpiRow w = t.getItem5().get(0);
                    for (String id : List.of("optOutRate", "openRate")) {
                        KpiValue v = w.kpis().get(id);
                        alerts.add(new Alert(id, AlertRules.ofKpi(v), Alert.Severity.WARNING, id
                                + " over the last 7 days is " + percent(v.value()) + " (" + v.rating().wire() + ")",
                                v.value()));
                    }
                    for (Row f : t.getItem2()) {
                        long lastDay = f.getLong("last_day");
                        if (AlertRules.errorSpike(lastDay, f.getLong("before"))) {
                            alerts.add(new Alert("errorSpike:" + f.getInteger("error_code"), Alert.Status.ALERT,
                                    Alert.Severity.CRITICAL, lastDay + " sends failed with error "
                                    + f.getInteger("error_code") + " in the last 24 h (daily average before: "
                                    + Math.round(f.getLong("before") / 7.0) + ")", (double) lastDay));
                        }
                    }
                    for (Row c : t.getItem3()) {
                        alerts.add(new Alert("stalledCampaign:" + c.getUUID("id"), Alert.Status.ALERT,
                                Alert.Severity.WARNING, "campaign '" + c.getString("name")
                                + "' is sending but its sends have not changed for 30 minutes", null));
                    }
                    alerts.add(nightlyAlert(t.getItem4().size() == 0 ? null : t.getItem4().iterator().next(), now));
                    for (Row e : t.getItem6()) {
                        alerts.add(new Alert("sync:" + e.getString("stream"), Alert.Status.ALERT,
                                Alert.Severity.CRITICAL, "pulling " + e.getString("stream") + " failed: "
                                + e.getString("last_error") + " (reports miss what changed since)", null));
                    }
                    alerts.addAll(AccountHealth.alerts(t.getItem7()));
                    return Alerts.of(now, alerts);
                });
    }

    private static Alert nightlyAlert(Row last, Instant now) {
        Instant lastAt = last == null ? null : last.getOffsetDateTime("requested_at").toInstant();
        String status = last == null ? null : last.getString("status");
        Alert.Status outcome = AlertRules.nightly(status, lastAt, now);
        String message = last == null ? "no nightly recompute has run yet"
                : "failed".equals(status) ? "the last nightly recompute failed: " + last.getString("error")
                : outcome == Alert.Status.ALERT ? "the last nightly recompute was queued at " + lastAt
                : "last nightly recompute " + status + " at " + lastAt;
        return new Alert("nightlyRecompute", outcome, Alert.Severity.CRITICAL, message, null);
    }
}
