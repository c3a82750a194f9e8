package io.chatroi.metrics.report;

import io.chatroi.metrics.report.alert.AlertService;
import io.chatroi.metrics.report.alert.Alerts;
import io.chatroi.metrics.report.experiment.Experiment;
import io.chatroi.metrics.report.experiment.ExperimentService;
import io.chatroi.metrics.report.funnel.Funnel;
import io.chatroi.metrics.report.funnel.FunnelService;
import io.chatroi.metrics.report.roi.RoiReport;
import io.chatroi.metrics.report.roi.RoiService;
import io.chatroi.metrics.report.scorecard.ScorecardService;
import io.chatroi.metrics.report.scorecard.Scorecards;
import io.chatroi.metrics.report.trend.Trend;
import io.chatroi.metrics.report.trend.TrendService;
import io.chatroi.metrics.settings.Settings;
import io.chatroi.metrics.settings.SettingsService;
import io.chatroi.metrics.web.FilterParams;
import io.chatroi.metrics.web.QueryDates;
import io.chatroi.metrics.web.RangeParams;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/** The reports besides KPI rows, read from the snapshots: JSON, or CSV with ?format=csv / Accept: text/csv. */
@Path("/api/v1")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
@Tag(name = "Reports", description = "KPI rows, funnel, scorecards, ROI, experiments, trends and live alerts, summed"
        + " from the daily snapshots of the last recompute; every report also answers CSV (?format=csv)")
public class ReportResource {

    private final SettingsService settings;
    private final FunnelService funnel;
    private final ScorecardService scorecards;
    private final ExperimentService experiments;
    private final TrendService trends;
    private final AlertService alerts;
    private final RoiService roi;
    private final ReportCache cache;
    private final Clock clock;

    public ReportResource(SettingsService settings, FunnelService funnel, ScorecardService scorecards,
                          ExperimentService experiments, TrendService trends, AlertService alerts, RoiService roi,
                          ReportCache cache, Clock clock) {
        this.clock = clock;
        this.settings = settings;
        this.funnel = funnel;
        this.scorecards = scorecards;
        this.experiments = experiments;
        this.trends = trends;
        this.alerts = alerts;
        this.roi = roi;
        this.cache = cache;
    }

    @GET
    @Path("/funnel")
    @Operation(operationId = "getFunnel", summary = "Funnel reach -> interact -> convert -> retain",
            description = "For the contacts added from..to (a cohort; default the last 30 days): each stage's count,"
                    + " conversion from the previous stage, drop-off and its KPIs; names the transition with the"
                    + " largest drop-off.")
    @APIResponse(responseCode = "200", description = "The funnel", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Funnel.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    description = "one line per stage, nested fields as dotted columns"))})
    @APIResponse(responseCode = "400", description = "Invalid range")
    public Uni<Funnel> funnel(@BeanParam RangeParams query) {
        return cache.get(query.cacheKey("funnel"), s -> funnel.funnel(KpiService.Filter.of(query, today(s)), s));
    }

    @GET
    @Path("/scorecards")
    @Operation(operationId = "listScorecards", summary = "Weekly salesperson scorecards", description = "One row per"
            + " owner for an ISO week in the workspace time zone (default: this week): new effective contacts,"
            + " effective add rate, deep-interaction contacts, quotes, orders, order amount, repurchasing customers,"
            + " referrals and the weighted score. With owner, only that owner's row (scored against the whole team;"
            + " agents always get their own).")
    @APIResponse(responseCode = "200", description = "The week's scorecards, best score first", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Scorecards.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    description = "one line per owner"))})
    @APIResponse(responseCode = "400", description = "Invalid week")
    public Uni<Scorecards> scorecards(@QueryParam("week") @Parameter(description = "ISO week, e.g. 2026-W47"
                                              + " (default: this week)") String week,
                                      @QueryParam("owner") @Parameter(description = "only this owner's row")
                                      String owner) {
        return cache.get("scorecards|" + week, s -> scorecards.scorecards(week == null || week.isBlank()
                        ? QueryDates.week(QueryDates.isoWeek(today(s)), "week")
                        : QueryDates.week(week, "week"), s))
                .map(all -> all.onlyOwner(owner));
    }

    @GET
    @Path("/campaigns/{id}/experiment")
    @Operation(operationId = "getExperiment", summary = "A/B experiment statistics", description = "Per variant:"
            + " sends, conversions for the campaign goal (reply, click, deal_won or revenue) and the rate, and the"
            + " revenue credited to its sends; against the control (the first variant): the difference with a 95%"
            + " confidence interval and a two-proportion z-test p-value (revenue goal: revenue per send, Welch's test);"
            + " a winner only when significant and every arm has the minimum sample.")
    @APIResponse(responseCode = "200", description = "The experiment", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Experiment.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    description = "one line per variant"))})
    @APIResponse(responseCode = "404", description = "No such campaign (in metrics' copy)")
    public Uni<Experiment> experiment(@PathParam("id") UUID id) {
        return cache.get("experiment|" + id, s -> experiments.experiment(id, s));
    }

    @GET
    @Path("/trends")
    @Operation(operationId = "getTrend", summary = "A metric as a time series", description = "metric: a count"
            + " (sent, replied, conversations, received, orders, revenue, ...) or a KPI (replyRate, openRate,"
            + " medianResponseTime, ...); interval day or week; every period of the range (default the last 30 days)"
            + " is present.")
    @APIResponse(responseCode = "200", description = "One point per period", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Trend.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    description = "one line per period"))})
    @APIResponse(responseCode = "400", description = "Unknown metric or interval, invalid range")
    public Uni<Trend> trends(@QueryParam("metric") @Parameter(required = true, schema = @Schema(type =
                                     SchemaType.STRING, enumeration = {"sent", "delivered", "read", "failed",
                                     "replied", "clicked", "optedOut", "received", "conversions", "contactsAdded",
                                     "orders", "revenue", "spend", "deliveryRate", "openRate", "replyRate", "ctr",
                                     "optOutRate", "conversionRate", "conversations", "medianResponseTime",
                                     "effectiveAddRate", "roas"})) String metric,
                             @QueryParam("interval") @Parameter(schema = @Schema(type = SchemaType.STRING,
                                     enumeration = {"day", "week"}, defaultValue = "day")) String interval,
                             @BeanParam FilterParams query) {
        return cache.get(query.cacheKey("trends", metric, interval),
                s -> trends.trend(metric, KpiService.Filter.of(query, today(s)), interval, s));
    }

    @GET
    @Path("/alerts")
    @Operation(operationId = "listAlerts", summary = "Live checks", description = "High-activity share under 15%,"
            + " opt-out or open rate of the last 7 days below its band, one error code's failures spiking, campaigns"
            + " whose sends stalled, the last nightly recompute missing or failed, a failing fact sync. Each with"
            + " status ok | alert | unknown.")
    @APIResponse(responseCode = "200", description = "Every check", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Alerts.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    description = "one line per check"))})
    public Uni<Alerts> alerts() {
        return settings.get().chain(alerts::alerts);
    }

    @GET
    @Path("/roi")
    @Operation(operationId = "getRoi", summary = "ROI of a range", description = "Cost by category and kind (entered"
            + " costs spread day by day plus message fees of billable sends), value parts (direct, repeat, leadValue,"
            + " brand), roi, roiExtended, valueToCost, roas, costPerLead, revenuePerConversion, revenuePerMessage,"
            + " costPerRecipient, campaignSpendReturn and the basis (profit | revenue | mixed). Won deals in another"
            + " currency than the workspace's are left out and counted in otherCurrencyDeals. Default range: the last"
            + " 30 days.")
    @APIResponse(responseCode = "200", description = "The ROI report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoiReport.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    description = "one line, nested fields as dotted columns"))})
    @APIResponse(responseCode = "400", description = "Invalid range or campaignId")
    public Uni<RoiReport> roi(@BeanParam FilterParams query) {
        return cache.get(query.cacheKey("roi"), s -> roi.roi(KpiService.Filter.of(query, today(s)), s));
    }

    /** Today in the workspace's time zone, by the service's clock. */
    private LocalDate today(Settings settings) {
        return LocalDate.ofInstant(clock.instant(), settings.zone());
    }
}
