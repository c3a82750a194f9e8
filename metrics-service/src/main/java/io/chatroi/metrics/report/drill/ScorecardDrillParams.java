package io.chatroi.metrics.report.drill;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query of a scorecard's lists ({@code @BeanParam}): the week and owner of the row, the page, and whether the
 * caller asked for CSV. Read as text, so a bad value is a 400 naming it. The measure is each list's own parameter.
 */
public class ScorecardDrillParams {

    @QueryParam("week")
    @Parameter(description = "ISO week, e.g. 2026-W47 (default: this week), as GET /api/v1/scorecards takes it")
    public String week;

    @QueryParam("owner")
    @Parameter(required = true, description = "the row's owner (an agent's key always lists its own)")
    public String owner;

    @QueryParam("limit")
    @Parameter(description = "page size, 1 to 500 (default 50); the CSV is the whole list",
            schema = @Schema(type = SchemaType.INTEGER))
    public String limit;

    @QueryParam("after")
    @Parameter(description = "the nextCursor of the page before")
    public String after;

    @HeaderParam(HttpHeaders.ACCEPT)
    @Parameter(hidden = true)
    public String accept;

    boolean csv() {
        return accept != null && accept.contains("text/csv");
    }

    MeasureService.ScorecardRaw raw(String measure) {
        return new MeasureService.ScorecardRaw(week, owner, measure, limit, after);
    }
}
