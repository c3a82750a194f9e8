package io.chatroi.metrics.report.drill;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query of every drill-down list ({@code @BeanParam}): the report's range and owner, the page, and whether the
 * caller asked for CSV (?format=csv or Accept: text/csv), which is the whole list. Read as text and parsed by
 * {@link DrillQuery}, so a bad value is a 400 naming it rather than a bare 404 from the parameter conversion.
 */
public class DrillParams {

    @QueryParam("from")
    @Parameter(description = "first workspace day (default: 29 days before to)",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String from;

    @QueryParam("to")
    @Parameter(description = "last workspace day (default: today)",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String to;

    @QueryParam("owner")
    @Parameter(description = "only this owner's")
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

    DrillQuery.Raw raw(String campaignId, String variant, String stage) {
        return new DrillQuery.Raw(from, to, owner, campaignId, variant, stage, limit, after);
    }
}
