package io.chatroi.metrics.recompute;

import java.util.List;

/** The answer of {@code GET /api/v1/recompute}: the latest runs, newest first. */
public record RecomputeRuns(List<RecomputeRun> items) {
}
