package io.chatroi.metrics.report;

import io.chatroi.common.problem.ProblemException;
import io.chatroi.metrics.kpi.KpiCatalog;
import io.chatroi.metrics.kpi.KpiMath;
import io.chatroi.metrics.kpi.KpiValue;
import io.chatroi.metrics.kpi.Rating;
import io.chatroi.metrics.kpi.Scorecard;
import io.chatroi.metrics.kpi.TwoProportionTest;
import io.chatroi.metrics.settings.Settings;
import io.chatroi.metrics.web.QueryDates;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static io.chatroi.metrics.report.KpiService.count;
import static io.chatroi.metrics.report.KpiService.money;
import static io.chatroi.metrics.report.KpiService.round2;

/** Funnel, scorecards, experiments, trends and alerts: all from snapshots, except the live checks of alerts. */
@ApplicationScoped
public class AnalyticsService {

    private final Pool pool;
    private final KpiService kpis;
    private final SnapshotRepository snapshots;
    private final long minSample;

    public AnalyticsService(Pool pool, KpiService kpis, SnapshotRepository snapshots,
                            @ConfigProperty(name = "chatroi.experiment.min-sample") long minSample) {
        this.pool = pool;
        this.kpis = kpis;
        this.snapshots = snapshots;
        this.minSample = minSample;
    }

    // ------------------------------------------------------------------------------------------------- funnel

    public Uni<Map<String, Object>> funnel(KpiService.Filter f, Settings s) {
        Uni<List<KpiRow>> rows = kpis.rows(f, GroupBy.NONE, s);
        OffsetDateTime activeSince = Instant.now().minus(s.activityDays(), ChronoUnit.DAYS).atOffset(ZoneOffset.UTC);
        return Uni.combine().all().unis(rows, snapshots.deepContacts(f), snapshots.customers(f.owner(), activeSince))
                .asTuple().map(t -> {
            KpiRow total = t.getItem1().get(0);
            Map<String, KpiValue> k = total.kpis();
            long deepContacts = t.getItem2().iterator().next().getLong("deep");
            Row liveRow = t.getItem3().iterator().next();
            long customers = liveRow.getLong("customers");
            long active = liveRow.getLong("active");
            Map<String, Object> counts = total.counts();
            return Map.<String, Object>of("k", k, "counts", counts, "deep", deepContacts, "customers", customers,
                    "active", active);
        }).chain(partial -> cohortCounts(f).map(cohort -> {
            @SuppressWarnings("unchecked")
            Map<String, KpiValue> k = (Map<String, KpiValue>) partial.get("k");
            @SuppressWarnings("unchecked")
            Map<String, Object> counts = (Map<String, Object>) partial.get("counts");
            long customers = (Long) partial.get("customers");
            long active = (Long) partial.get("active");
            long[] n = {count(cohort, "added"), count(cohort, "effective"), count(cohort, "converted"),
                    count(cohort, "repeat_customers")};
            String[] names = {"reach", "interact", "convert", "retain"};
            List<Map<String, Object>> stages = new ArrayList<>();
            String worst = null;
            double worstDrop = -1;
            for (int i = 0; i < 4; i++) {
                Map<String, Object> stage = new LinkedHashMap<>();
                stage.put("stage", names[i]);
                stage.put("count", n[i]);
                Double conversion = i == 0 ? null : KpiMath.ratio(n[i], n[i - 1]);
                stage.put("conversionFromPrevious", conversion);
                Double drop = conversion == null ? null : KpiMath.round(1 - conversion);
                stage.put("dropOff", drop);
                if (drop != null && drop > worstDrop) {
                    worstDrop = drop;
                    worst = names[i - 1] + " -> " + names[i];
                }
                Map<String, KpiValue> stageKpis = new LinkedHashMap<>();
                switch (names[i]) {
                    case "reach" -> {
                        stageKpis.put("contactsAdded", k.get("contactsAdded"));
                        stageKpis.put("acceptanceRate", k.get("acceptanceRate"));
                        stageKpis.put("effectiveAddRate", k.get("effectiveAddRate"));
                        stageKpis.put("highIntentSourceShare", k.get("highIntentSourceShare"));
                    }
                    case "interact" -> {
                        stageKpis.put("firstTouchWithin1hRate", k.get("firstTouchWithin1hRate"));
                        stageKpis.put("firstResponseTime", KpiCatalog.value("firstResponseTime",
                                k.get("medianResponseTime").value()));
                        stageKpis.put("avgTurns", k.get("avgTurns"));
                        stageKpis.put("deepInteractionContacts", KpiCatalog.value("deepInteractionContacts",
                                (double) (Long) partial.get("deep")));
                        stageKpis.put("tagCoverage", k.get("tagCoverage"));
                    }
                    case "convert" -> {
                        stageKpis.put("inquiryToQuoteRate", k.get("inquiryToQuoteRate"));
                        stageKpis.put("quoteToOrderRate", k.get("quoteToOrderRate"));
                        stageKpis.put("profitMargin", k.get("profitMargin"));
                        stageKpis.put("avgDealCycleDays", k.get("avgDealCycleDays"));
                        stageKpis.put("averageOrderValue", k.get("averageOrderValue"));
                    }
                    default -> {
                        stageKpis.put("repurchaseRate", KpiCatalog.value("repurchaseRate", KpiMath.ratio(n[3], n[2])));
                        stageKpis.put("referrals", k.get("referrals"));
                        stageKpis.put("activeCustomerRate", KpiCatalog.value("activeCustomerRate",
                                KpiMath.ratio(active, customers)));
                        stageKpis.put("churnRate", KpiCatalog.value("churnRate",
                                KpiMath.ratio(customers - active, customers)));
                    }
                }
                stage.put("kpis", stageKpis);
                stages.add(stage);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("from", f.from());
            out.put("to", f.to());
            out.put("owner", f.owner());
            out.put("basis", "contacts added in the range (cohort): reach = added, interact = accepted and wrote"
                    + " since, convert = won a deal, retain = won twice within the repurchase window;"
                    + " activeCustomerRate and churnRate are today's state of all customers");
            out.put("stages", stages);
            out.put("largestDropOff", worst);
            out.put("counts", counts);
            return out;
        }));
    }

    private Uni<Map<String, Object>> cohortCounts(KpiService.Filter f) {
        return snapshots.cohort(f).map(rows -> values(rows.iterator().next()));
    }

    // ---------------------------------------------------------------------------------------------- scorecards

    /** The scorecard answer narrowed to one owner's row; scores stay relative to the whole team's week. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> onlyOwner(Map<String, Object> scorecards, String owner) {
        if (owner == null || owner.isBlank()) {
            return scorecards;
        }
        Map<String, Object> narrowed = new LinkedHashMap<>(scorecards);
        narrowed.put("rows", ((List<Map<String, Object>>) scorecards.get("rows")).stream()
                .filter(row -> owner.equals(row.get("owner"))).toList());
        return narrowed;
    }

    public Uni<Map<String, Object>> scorecards(QueryDates.Range week, Settings s) {
        KpiService.Filter f = new KpiService.Filter(week.from(), week.to(), null, null);
        Sql c = new Sql();
        String contacts = "SELECT owner, sum(added)::bigint AS added, sum(effective)::bigint AS effective,"
                + " sum(referrals)::bigint AS referrals FROM snap_contacts t" + KpiService.where(c, f, (short) 3, false, false)
                + " GROUP BY owner";
        Sql d = new Sql();
        String deals = "SELECT owner, sum(quotes)::bigint AS quotes, sum(won)::bigint AS won, sum(revenue) AS revenue,"
                + " sum(repeat_customers)::bigint AS repurchases FROM snap_deals t"
                + KpiService.where(d, f, (short) 3, false, false) + " GROUP BY owner";
        Sql tt = new Sql();
        String turns = "SELECT owner, count(*)::bigint AS deep FROM (SELECT owner, contact_id FROM snap_contact_turns t"
                + KpiService.where(tt, f, (short) -1, false, false)
                + " GROUP BY owner, contact_id HAVING sum(turns) >= 3) x GROUP BY owner";
        return Uni.combine().all().unis(pool.preparedQuery(contacts).execute(c.tuple()),
                pool.preparedQuery(deals).execute(d.tuple()), pool.preparedQuery(turns).execute(tt.tuple()))
                .asTuple().map(t -> {
                    Map<String, Map<String, Object>> byOwner = new TreeMap<>();
                    for (RowSet<Row> rows : List.of(t.getItem1(), t.getItem2(), t.getItem3())) {
                        for (Row row : rows) {
                            String owner = row.getString("owner");
                            if (owner == null) {
                                continue;
                            }
                            Map<String, Object> v = byOwner.computeIfAbsent(owner, o -> new LinkedHashMap<>());
                            v.putAll(values(row));
                        }
                    }
                    List<Scorecard.Measures> measures = new ArrayList<>();
                    byOwner.forEach((owner, v) -> measures.add(new Scorecard.Measures(owner,
                            KpiMath.ratio(count(v, "effective"), count(v, "added")), count(v, "deep"),
                            count(v, "won"), money(v, "revenue").doubleValue(), count(v, "repurchases"),
                            count(v, "referrals"))));
                    List<Scorecard.Score> scores = Scorecard.score(measures, s.weights());
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (int i = 0; i < measures.size(); i++) {
                        Scorecard.Measures m = measures.get(i);
                        Map<String, Object> v = byOwner.get(m.owner());
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("owner", m.owner());
                        row.put("contactsAdded", count(v, "added"));
                        row.put("newEffectiveContacts", count(v, "effective"));
                        row.put("effectiveAddRate", m.effectiveAddRate());
                        row.put("deepInteractionContacts", m.deepInteractions());
                        row.put("quotesSent", count(v, "quotes"));
                        row.put("ordersWon", m.orders());
                        row.put("orderAmount", round2(money(v, "revenue")));
                        row.put("repurchasingCustomers", m.repurchases());
                        row.put("referrals", m.referrals());
                        row.put("processScore", scores.get(i).process());
                        row.put("resultScore", scores.get(i).result());
                        row.put("bonusScore", scores.get(i).bonus());
                        row.put("score", scores.get(i).score());
                        rows.add(row);
                    }
                    rows.sort((a, b) -> Double.compare((Double) b.get("score"), (Double) a.get("score")));
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("week", QueryDates.isoWeek(week.from()));
                    out.put("from", week.from());
                    out.put("to", week.to());
                    out.put("currency", s.currency());
                    out.put("weights", s.scorecardWeights());
                    out.put("definitions", "newEffectiveContacts: contacts added in the week that accepted and have"
                            + " written since; effectiveAddRate = newEffectiveContacts / contactsAdded;"
                            + " deepInteractionContacts: contacts with >= 3 turns in the week; repurchasingCustomers:"
                            + " customers whose win in the week follows another win within the repurchase window;"
                            + " each score part is the owner's share of the week's best, 0-100");
                    out.put("rows", rows);
                    return out;
                });
    }

    // -------------------------------------------------------------------------------------------- experiments

    public Uni<Map<String, Object>> experiment(UUID campaignId) {
        return pool.preparedQuery("SELECT * FROM f_campaigns WHERE id = $1").execute(Tuple.of(campaignId))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Campaign", campaignId);
                    }
                    Row campaign = rows.iterator().next();
                    return pool.preparedQuery("SELECT coalesce(variant, '') AS variant, sum(sent)::bigint AS sent,"
                                    + " sum(conversions)::bigint AS conversions, sum(holdout)::bigint AS holdout,"
                                    + " sum(holdout_conversions)::bigint AS holdout_conversions FROM snap_messages"
                                    + " WHERE campaign_id = $1 AND grain = 3 GROUP BY 1 ORDER BY 1")
                            .execute(Tuple.of(campaignId)).map(stats -> experiment(campaign, stats));
                });
    }

    private Map<String, Object> experiment(Row campaign, RowSet<Row> stats) {
        Map<String, long[]> arms = new LinkedHashMap<>();
        long holdout = 0;
        long holdoutConversions = 0;
        Object variantsJson = campaign.getValue("variants");
        JsonArray defined = variantsJson instanceof JsonArray a ? a : new JsonArray(String.valueOf(variantsJson));
        for (Object v : defined) {
            if (v instanceof JsonObject o && o.getString("key") != null) {
                arms.put(o.getString("key"), new long[2]);
            }
        }
        for (Row row : stats) {
            holdout += row.getLong("holdout");
            holdoutConversions += row.getLong("holdout_conversions");
            if (row.getLong("sent") > 0 || arms.containsKey(row.getString("variant"))) {
                long[] arm = arms.computeIfAbsent(row.getString("variant"), k -> new long[2]);
                arm[0] += row.getLong("sent");
                arm[1] += row.getLong("conversions");
            }
        }
        String control = arms.isEmpty() ? null : arms.keySet().iterator().next();
        long[] c = control == null ? new long[2] : arms.get(control);
        List<Map<String, Object>> variants = new ArrayList<>();
        String winner = null;
        double best = -1;
        boolean controlBeatsAll = arms.size() > 1;
        for (Map.Entry<String, long[]> arm : arms.entrySet()) {
            long[] v = arm.getValue();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("variant", arm.getKey());
            row.put("control", arm.getKey().equals(control));
            row.put("sends", v[0]);
            row.put("conversions", v[1]);
            row.put("rate", KpiMath.ratio(v[1], v[0]));
            if (!arm.getKey().equals(control)) {
                TwoProportionTest.Result r = TwoProportionTest.test(c[1], c[0], v[1], v[0]);
                boolean significant = TwoProportionTest.significant(r, c[0], v[0], minSample);
                row.put("differenceVsControl", r.difference());
                row.put("ci95Low", r.ciLow());
                row.put("ci95High", r.ciHigh());
                row.put("z", r.z());
                row.put("pValue", r.pValue());
                row.put("significant", significant);
                if (significant && r.difference() > 0 && r.variantRate() > best) {
                    best = r.variantRate();
                    winner = arm.getKey();
                }
                controlBeatsAll &= significant && r.difference() < 0;
            }
            variants.add(row);
        }
        if (winner == null && controlBeatsAll) {
            winner = control;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("campaignId", campaign.getUUID("id"));
        out.put("name", campaign.getString("name"));
        out.put("goal", Map.of("type", campaign.getString("goal_type"), "windowDays",
                campaign.getInteger("goal_window_days")));
        out.put("minSamplePerVariant", minSample);
        out.put("confidence", 0.95);
        out.put("variants", variants);
        if (holdout > 0) {
            out.put("holdout", Map.of("contacts", holdout, "conversions", holdoutConversions,
                    "rate", KpiMath.ratio(holdoutConversions, holdout)));
        }
        out.put("winner", winner);
        out.put("verdict", winner != null ? "variant " + winner + " wins at 95% confidence"
                : arms.values().stream().anyMatch(v -> v[0] < minSample)
                ? "not enough sends yet (minimum " + minSample + " per variant)" : "no significant difference");
        return out;
    }

    // ------------------------------------------------------------------------------------------------- trends

    static final List<String> TREND_METRICS = List.of("sent", "delivered", "read", "failed", "replied", "clicked",
            "optedOut", "received", "conversions", "contactsAdded", "orders", "revenue", "spend", "deliveryRate",
            "openRate", "replyRate", "ctr", "optOutRate", "conversionRate", "conversations", "medianResponseTime",
            "effectiveAddRate", "roas");

    public Uni<Map<String, Object>> trend(String metric, KpiService.Filter f, String interval, Settings s) {
        if (metric == null || !TREND_METRICS.contains(metric)) {
            throw ProblemException.invalid("metric", "must be one of " + String.join(", ", TREND_METRICS));
        }
        GroupBy g = interval == null || interval.equals("day") ? GroupBy.DAY
                : interval.equals("week") ? GroupBy.WEEK : null;
        if (g == null) {
            throw ProblemException.invalid("interval", "must be day or week");
        }
        return kpis.rows(f, g, s).map(rows -> {
            Map<String, KpiRow> byPeriod = new LinkedHashMap<>();
            rows.forEach(r -> byPeriod.put(r.group(), r));
            List<Map<String, Object>> points = new ArrayList<>();
            String last = null;
            for (LocalDate day = f.from(); !day.isAfter(f.to()); day = day.plusDays(1)) {
                String period = g == GroupBy.DAY ? day.toString() : QueryDates.isoWeek(day);
                if (period.equals(last)) {
                    continue;
                }
                last = period;
                KpiRow row = byPeriod.get(period);
                Object value;
                if (row == null) {
                    value = KpiCatalog.all().stream().anyMatch(k -> k.id().equals(metric))
                            && !metric.equals("conversations") ? null : 0;
                    if (List.of("revenue", "spend").contains(metric)) {
                        value = BigDecimal.ZERO.setScale(2);
                    } else if (!KpiCatalog.all().stream().anyMatch(k -> k.id().equals(metric))) {
                        value = 0L;
                    }
                } else if (row.kpis().containsKey(metric)) {
                    value = row.kpis().get(metric).value();
                } else {
                    value = row.counts().get(metric);
                }
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("period", period);
                point.put("value", value);
                points.add(point);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("metric", metric);
            out.put("interval", g == GroupBy.DAY ? "day" : "week");
            out.put("from", f.from());
            out.put("to", f.to());
            out.put("points", points);
            return out;
        });
    }

    // ------------------------------------------------------------------------------------------------- alerts

    public Uni<Map<String, Object>> alerts(Settings s) {
        LocalDate today = LocalDate.now(s.zone());
        KpiService.Filter week = new KpiService.Filter(today.minusDays(6), today, null, null);
        Instant now = Instant.now();
        Uni<RowSet<Row>> activity = pool.query("SELECT count(*)::bigint AS contacts, count(*) FILTER (WHERE"
                + " last_inbound_at >= now() - interval '24 hours')::bigint AS high FROM f_contacts WHERE NOT erased")
                .execute();
        Uni<RowSet<Row>> failures = pool.query("SELECT error_code, count(*) FILTER (WHERE at >= now() - interval"
                + " '24 hours')::bigint AS last_day, count(*) FILTER (WHERE at < now() - interval '24 hours')::bigint"
                + " AS before FROM f_sends WHERE at >= now() - interval '8 days' AND (status = 'failed'"
                + " OR delivery = 'failed') AND error_code IS NOT NULL GROUP BY error_code").execute();
        Uni<RowSet<Row>> stalled = pool.query("SELECT c.id, c.name, max(s.updated_at) AS last_change FROM f_campaigns c"
                + " LEFT JOIN f_sends s ON s.campaign_id = c.id WHERE c.status = 'sending'"
                + " AND coalesce(c.launched_at, c.updated_at) < now() - interval '30 minutes'"
                + " GROUP BY c.id, c.name HAVING coalesce(max(s.updated_at), '-infinity') < now() - interval '30 minutes'")
                .execute();
        Uni<RowSet<Row>> nightly = pool.query("SELECT status, requested_at, error FROM recompute_runs WHERE trigger ="
                + " 'nightly' ORDER BY requested_at DESC LIMIT 1").execute();
        Uni<RowSet<Row>> sync = pool.query("SELECT stream, last_error FROM sync_cursors WHERE last_error IS NOT NULL")
                .execute();
        return Uni.combine().all().unis(activity, failures, stalled, nightly, kpis.rows(week, GroupBy.NONE, s), sync)
                .asTuple().map(t -> {
                    List<Map<String, Object>> alerts = new ArrayList<>();
                    Row a = t.getItem1().iterator().next();
                    Double share = KpiMath.ratio(a.getLong("high"), a.getLong("contacts"));
                    KpiValue shareValue = KpiCatalog.value("highActivityShare", share);
                    alerts.add(alert("highActivityShare", shareValue.rating() == Rating.BELOW ? "alert"
                                    : share == null ? "unknown" : "ok", "warning",
                            "high-activity contacts (inbound within 24 h) " + pct(share) + " of contacts; alert under 15%",
                            share));
                    KpiRow w = t.getItem5().get(0);
                    for (String id : List.of("optOutRate", "openRate")) {
                        KpiValue v = w.kpis().get(id);
                        alerts.add(alert(id, v.rating() == Rating.BELOW ? "alert" : v.value() == null ? "unknown" : "ok",
                                "warning", id + " over the last 7 days is " + pct(v.value()) + " (" + v.rating().wire()
                                        + ")", v.value()));
                    }
                    for (Row f : t.getItem2()) {
                        long lastDay = f.getLong("last_day");
                        double baseline = f.getLong("before") / 7.0;
                        if (lastDay >= 10 && lastDay > 3 * baseline) {
                            alerts.add(alert("errorSpike:" + f.getInteger("error_code"), "alert", "critical",
                                    lastDay + " sends failed with error " + f.getInteger("error_code")
                                            + " in the last 24 h (daily average before: " + Math.round(baseline) + ")",
                                    (double) lastDay));
                        }
                    }
                    for (Row c : t.getItem3()) {
                        alerts.add(alert("stalledCampaign:" + c.getUUID("id"), "alert", "warning", "campaign '"
                                + c.getString("name") + "' is sending but its sends have not changed for 30 minutes",
                                null));
                    }
                    Row last = t.getItem4().size() == 0 ? null : t.getItem4().iterator().next();
                    Instant lastAt = last == null ? null : last.getOffsetDateTime("requested_at").toInstant();
                    boolean missing = lastAt == null || lastAt.isBefore(now.minus(26, ChronoUnit.HOURS));
                    boolean failed = last != null && last.getString("status").equals("failed");
                    alerts.add(alert("nightlyRecompute", missing || failed ? "alert" : "ok", "critical",
                            last == null ? "no nightly recompute has run yet"
                                    : failed ? "the last nightly recompute failed: " + last.getString("error")
                                    : missing ? "the last nightly recompute was queued at " + lastAt
                                    : "last nightly recompute " + last.getString("status") + " at " + lastAt, null));
                    for (Row e : t.getItem6()) {
                        alerts.add(alert("sync:" + e.getString("stream"), "alert", "critical", "pulling "
                                + e.getString("stream") + " failed: " + e.getString("last_error")
                                + " (reports miss what changed since)", null));
                    }
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("checkedAt", now);
                    out.put("alerts", alerts);
                    out.put("firing", alerts.stream().filter(x -> "alert".equals(x.get("status"))).count());
                    return out;
                });
    }

    private static Map<String, Object> alert(String id, String status, String severity, String message, Double value) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", id);
        a.put("status", status);
        a.put("severity", severity);
        a.put("message", message);
        a.put("value", value);
        return a;
    }

    private static String pct(Double value) {
        return value == null ? "n/a" : String.format("%.1f%%", value * 100);
    }

    private static Map<String, Object> values(Row row) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < row.size(); i++) {
            map.put(row.getColumnName(i), row.getValue(i));
        }
        return map;
    }
}
