package io.chatroi.metrics.report.drill;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** How {@code Page<ScorecardContact>} looks on the wire (generic types have no schema of their own). */
@Schema(name = "ScorecardContactPage", requiredProperties = {"items", "nextCursor"})
record ScorecardContactPage(List<ScorecardContact> items,
        @Schema(nullable = true, description = "pass as after for the next page; null on the last page")
        String nextCursor) {
}
