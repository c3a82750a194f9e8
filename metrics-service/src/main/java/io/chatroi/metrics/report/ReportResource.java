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

    public ReportResource(SettingsService settings, KpiService kpis, RoiService roi) {
        this.settings = settings;
        this.kpis = kpis;
        this.roi = roi;
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
        return settings.get().chain(s -> {
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
        });
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
        return settings.get().chain(s -> roi.roi(filter(from, to, campaignId, owner, LocalDate.now(s.zone())), s));
    }

    static KpiService.Filter filter(String from, String to, String campaignId, String owner, LocalDate today) {
        QueryDates.Range range = QueryDates.range(from, to, today);
        return new KpiService.Filter(range.from(), range.to(), QueryDates.uuid(campaignId, "campaignId"),
                owner == null || owner.isBlank() ? null : owner);
    }
}
