package io.chatroi.metrics.report;

import io.chatroi.metrics.kpi.KpiCatalog;
import io.chatroi.metrics.kpi.KpiCatalogue;
import io.chatroi.metrics.web.FilterParams;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

/** KPI rows summed from the snapshots, and the catalogue that says what each KPI means. */
@Path("/api/v1/kpis")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
@Tag(name = "Reports")
public class KpiResource {

    private final KpiService kpis;
    private final ReportCache cache;
    private final Clock clock;

    public KpiResource(KpiService kpis, ReportCache cache, Clock clock) {
        this.kpis = kpis;
        this.cache = cache;
        this.clock = clock;
    }

    @GET
    @Path("/catalog")
    @Operation(operationId = "getKpiCatalog", summary = "The KPI catalogue", description = "Every KPI: id, English"
            + " and Chinese name, formula, stage, unit, which direction is better, source seed and benchmark bands"
            + " (null: unrated).")
    @APIResponse(responseCode = "200", description = "Every KPI", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KpiCatalogue.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    description = "one line per KPI"))})
    public KpiCatalogue catalog() {
        return new KpiCatalogue(KpiCatalog.all());
    }

    @GET
    @Operation(operationId = "getKpiReport", summary = "KPI rows", description = "Sums the daily snapshots of from..to"
            + " (workspace dates; default the last 30 days) grouped by campaign, variant, owner, country, source, ad"
            + " (the click-to-WhatsApp ad a contact first came through; \"\" the contacts that came through none), day,"
            + " week or month (default: one total row). Each row has counts and every KPI that applies with value"
            + " (null when the denominator is zero), unit and rating (below | benchmark | best | unrated).")
    @APIResponse(responseCode = "200", description = "One row per group", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KpiReport.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    description = "one line per row, columns such as counts.sent and kpis.replyRate.value"))})
    @APIResponse(responseCode = "400", description = "Invalid range, groupBy or campaignId")
    public Uni<KpiReport> kpis(@BeanParam FilterParams query,
                               @QueryParam("groupBy") @Parameter(schema = @Schema(type = SchemaType.STRING,
                                       enumeration = {"campaign", "variant", "owner", "country", "source", "ad", "day",
                                               "week", "month"})) String groupBy) {
        GroupBy g = GroupBy.of(groupBy);
        return cache.get(query.cacheKey("kpis", g.wire()), s -> {
            KpiService.Filter f = KpiService.Filter.of(query, LocalDate.ofInstant(clock.instant(), s.zone()));
            return kpis.rows(f, g, s).map(rows -> new KpiReport(f.from(), f.to(), g.wire(), s.currency(), rows));
        });
    }
}
