package io.chatroi.metrics.recompute;

import java.time.LocalDate;

/**
 * A recompute of workspace days {@code from}..{@code to} (both or neither: without them, the days whose facts changed
 * since the last run); {@code sync} (default true) first pulls what changed from the other services.
 */
public record RecomputeRequest(LocalDate from, LocalDate to, Boolean sync) {
}
