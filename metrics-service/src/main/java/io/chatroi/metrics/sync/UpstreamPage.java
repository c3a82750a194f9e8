package io.chatroi.metrics.sync;

import io.vertx.core.json.JsonArray;

/** One page of an owner's updatedAfter listing: items in (updatedAt, id) order and the cursor of the next page. */
public record UpstreamPage(JsonArray items, String nextCursor) {
}
