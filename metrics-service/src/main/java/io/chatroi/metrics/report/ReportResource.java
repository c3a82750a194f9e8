package io.chatroi.metrics.report;

import io.chatroi.metrics.kpi.Kpi;
import io.chatroi.metrics.kpi.KpiCatalog;
import io.chatroi.metrics.settings.SettingsService;
import io.chatroi.metrics.web.QueryDates;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** KPI reports read from the snapshots: every endpoint answers JSON, or CSV with ?format=csv / Accept: text/csv. */
@Path("/api/v1")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
@Tag(name = "Reports")
public class ReportResource {

    private final SettingsService settings;
    private final KpiService kpis;
    private final RoiService roi;
    private final AnalyticsService analytics;
    private final ReportCache cache;

    public ReportResource(SettingsService settings, KpiService kpis, RoiService roi, AnalyticsService analytics,
                          ReportCache cache) {
        this.settings = settings;
        this.cache = cache;
        this.kpis = kpis;
        this.roi = roi;
        this.analytics = analytics;
    }

    @GET
    @Path("/funnel")
    @Operation(summary = "Funnel reach -> interact -> convert -> retain", description = "For the contacts added"
            + " from..to (a cohort; default the last 30 days): each stage's count, conversion from the previous"
            + " stage, drop-off and its KPIs; names the transition with the largest drop-off.")
    @APIResponse(responseCode = "400", description = "Invalid range")
    public Uni<Map<String, Object>> funnel(@QueryParam("from") String from, @QueryParam("to") String to,
                                           @QueryParam("owner") String owner) {
        return cache.get("funnel|" + from + "|" + to + "|" + owner, () -> settings.get()
                .chain(s -> analytics.funnel(filter(from, to, null, owner, LocalDate.now(s.zone())), s)));
    }

    @GET
    @Path("/scorecards")
    @Operation(summary = "Weekly salesperson scorecards", description = "One row per owner for an ISO week in the"
            + " workspace time zone (default: this week): new effective contacts, effective add rate, deep-interaction"
            + " contacts, quotes, orders, order amount, repurchasing customers, referrals and the weighted score."
            + " With owner, only that owner's row (scored against the whole team; agents always get their own).")
    @APIResponse(responseCode = "400", description = "Invalid week")
    public Uni<Map<String, Object>> scorecards(@QueryParam("week") String week, @QueryParam("owner") String owner) {
        return cache.get("scorecards|" + week, () -> settings.get()
                .chain(s -> analytics.scorecards(week == null || week.isBlank()
                        ? QueryDates.week(QueryDates.isoWeek(LocalDate.now(s.zone())), "week")
                        : QueryDates.week(week, "week"), s)))
                .map(all -> AnalyticsService.onlyOwner(all, owner));
    }

    @GET
    @Path("/campaigns/{id}/experiment")
    @Operation(summary = "A/B experiment statistics", description = "Per variant: sends, conversions for the"
            + " campaign goal and the rate; against the control (the first variant): the difference with a 95%"
            + " confidence interval and a two-proportion z-test p-value; a winner only when significant and every"
            + " arm has the minimum sample.")
    @APIResponse(responseCode = "404", description = "No such campaign (in metrics' copy)")
    public Uni<Map<String, Object>> experiment(@jakarta.ws.rs.PathParam("id") java.util.UUID id) {
        return cache.get("experiment|" + id, () -> analytics.experiment(id));
    }

    @GET
    @Path("/trends")
    @Operation(summary = "A metric as a time series", description = "metric: a count (sent, replied, conversations,"
            + " received, orders, revenue, ...) or a KPI (replyRate, openRate, medianResponseTime, ...); interval day"
            + " or week; every period of the range is present.")
    @APIResponse(responseCode = "400", description = "Unknown metric or interval, invalid range")
    public Uni<Map<String, Object>> trends(@QueryParam("metric") String metric, @QueryParam("from") String from,
                                           @QueryParam("to") String to, @QueryParam("interval") String interval,
                                           @QueryParam("campaignId") String campaignId,
                                           @QueryParam("owner") String owner) {
        return cache.get(String.join("|", "trends", metric, from, to, interval, campaignId, owner),
                () -> settings.get().chain(s -> analytics.trend(metric,
                filter(from, to, campaignId, owner, LocalDate.now(s.zone())), interval, s)));
    }

    @GET
    @Path("/alerts")
    @Operation(summary = "Live checks", description = "High-activity share under 15%, opt-out or open rate of the"
            + " last 7 days below its band, one error code's failures spiking, campaigns whose sends stalled, the last"
            + " nightly recompute missing or failed. Each with status ok | alert | unknown.")
    public Uni<Map<String, Object>> alerts() {
        return settings.get().chain(analytics::alerts);
    }

    @GET
    @Path("/kpis/catalog")
    @Operation(summary = "The KPI catalogue", description = "Every KPI of KPIS.md: id, English and Chinese name,"
            + " formula, stage, unit, which direction is better, source seed and benchmark bands (null: unrated).")
    public Map<String, List<Kpi>> catalog() {
        return Map.of("items", KpiCatalog.all());
    }

    @GET
    @Path("/kpis")
    @Operation(summary = "KPI rows", description = "Sums the daily snapshots of from..to (workspace dates; default"
            + " the last 30 days) grouped by campaign, variant, owner, country, source, day, week or month (default:"
            + " one total row). Each row has counts and every KPI that applies with value (null when the denominator"
            + " is zero), unit and rating (below | benchmark | best | unrated).")
    @APIResponse(responseCode = "400", description = "Invalid range, groupBy or campaignId")
    public Uni<Map<String, Object>> kpis(@QueryParam("from") String from, @QueryParam("to") String to,
                                         @QueryParam("groupBy") String groupBy,
                                         @QueryParam("campaignId") String campaignId,
                                         @QueryParam("owner") String owner) {
        GroupBy g = GroupBy.of(groupBy);
        return cache.get(String.join("|", "kpis", from, to, g.wire(), campaignId, owner),
                () -> settings.get().chain(s -> {
            KpiService.Filter f = filter(from, to, campaignId, owner, LocalDate.now(s.zone()));
            return kpis.rows(f, g, s).map(rows -> {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("from", f.from());
                out.put("to", f.to());
                out.put("groupBy", g.wire());
                out.put("currency", s.currency());
                out.put("rows", rows);
                return out;
            });
        }));
    }

    @GET
    @Path("/roi")
    @Operation(summary = "ROI of a range", description = "Cost by category and kind (entered costs spread day by"
            + " day plus message fees of billable sends), value parts (direct, repeat, leadValue, brand), roi,"
            + " roiExtended, valueToCost, roas, costPerLead, revenuePerConversion, revenuePerMessage, costPerRecipient,"
            + " campaignSpendReturn and the basis (profit | revenue | mixed).")
    @APIResponse(responseCode = "400", description = "Invalid range or campaignId")
    public Uni<Map<String, Object>> roi(@QueryParam("from") String from, @QueryParam("to") String to,
                                        @QueryParam("campaignId") String campaignId,
                                        @QueryParam("owner") String owner) {
        return cache.get(String.join("|", "roi", from, to, campaignId, owner),
                () -> settings.get().chain(s -> roi.roi(filter(from, to, campaignId, owner, LocalDate.now(s.zone())), s)));
    }

    static KpiService.Filter filter(String from, String to, String campaignId, String owner, LocalDate today) {
        QueryDates.Range range = QueryDates.range(from, to, today);
        return new KpiService.Filter(range.from(), range.to(), QueryDates.uuid(campaignId, "campaignId"),
                owner == null || owner.isBlank() ? null : owner);
    }
}
