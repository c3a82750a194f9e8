package io.chatroi.metrics.web;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.LocalDate;

/**
 * The query parameters every report over a range of workspace days reads ({@code @BeanParam}): {@code from},
 * {@code to} and {@code owner}, declared and validated here once. {@link FilterParams} adds {@code campaignId}.
 */
public class RangeParams {

    @QueryParam("from")
    @Parameter(description = "first workspace day", schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String from;

    @QueryParam("to")
    @Parameter(description = "last workspace day", schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String to;

    @QueryParam("owner")
    @Parameter(description = "only this owner's")
    public String owner;

    /** from..to, or the last 30 days up to {@code today} when neither is given (a 400 naming a bad one). */
    public QueryDates.Range range(LocalDate today) {
        return QueryDates.range(from, to, today);
    }

    /** The owner to narrow to, or null for every owner. */
    public String ownerOrNull() {
        return owner == null || owner.isBlank() ? null : owner;
    }

    /** The parameters as a cache key, after {@code report}'s name and its own parameters. */
    public String cacheKey(String report, String... more) {
        StringBuilder key = new StringBuilder(report);
        for (String part : more) {
            key.append('|').append(part);
        }
        return key.append('|').append(from).append('|').append(to).append('|').append(owner).toString();
    }
}
