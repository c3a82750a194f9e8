package io.chatroi.metrics.web;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.UUID;

/** {@link RangeParams} and a campaign: the filter of the KPI rows, trends, ROI and the cost list. */
public class FilterParams extends RangeParams {

    @QueryParam("campaignId")
    @Parameter(description = "only this campaign's", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    public String campaignId;

    /** The campaign to narrow to, or null (a 400 when it is not a UUID). */
    public UUID campaign() {
        return QueryDates.uuid(campaignId, "campaignId");
    }

    @Override
    public String cacheKey(String report, String... more) {
        return super.cacheKey(report, more) + '|' + campaignId;
    }
}
