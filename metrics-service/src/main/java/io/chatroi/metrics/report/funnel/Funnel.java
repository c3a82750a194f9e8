package io.chatroi.metrics.report.funnel;

import io.chatroi.metrics.report.KpiCounts;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** The answer of {@code GET /api/v1/funnel}: the cohort's four stages and the transition that loses the most. */
@Schema(requiredProperties = {"from", "to", "owner", "basis", "stages", "largestDropOff", "counts"})
public record Funnel(LocalDate from, LocalDate to,
                     @Schema(nullable = true, description = "the owner filter, null for the whole team") String owner,
                     @Schema(description = "what each stage counts") String basis,
                     List<FunnelStage> stages,
                     @Schema(nullable = true, description = "the transition with the largest drop-off, e.g."
                             + " 'interact -> convert'; null when no stage has a predecessor with contacts")
                     String largestDropOff,
                     @Schema(description = "the range's counts and amounts, as in a KPI row") KpiCounts counts) {
}
