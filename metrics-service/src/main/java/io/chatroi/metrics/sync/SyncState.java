package io.chatroi.metrics.sync;

import java.util.List;

/** The answer of {@code GET /api/v1/sync}: one entry per stream that has been pulled at least once. */
public record SyncState(List<SyncStream> items) {
}
