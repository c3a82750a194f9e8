package io.chatroi.metrics.report.outcome;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** How {@code Page<HangingConversation>} looks on the wire (generic types have no schema of their own). */
@Schema(name = "HangingConversationPage", requiredProperties = {"items", "nextCursor"})
record HangingPage(List<HangingConversation> items,
                   @Schema(nullable = true, description = "pass as after for the next page; null on the last page")
                   String nextCursor) {
}
