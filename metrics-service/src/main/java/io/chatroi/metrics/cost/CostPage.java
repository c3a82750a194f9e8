package io.chatroi.metrics.cost;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** How {@code Page<Cost>} looks on the wire, for the OpenAPI document (generic types have no schema of their own). */
@Schema(name = "CostPage", requiredProperties = {"items", "nextCursor"})
record CostPage(List<Cost> items,
                @Schema(nullable = true, description = "pass as after for the next page; null on the last page")
                String nextCursor) {
}
