package io.chatroi.metrics.cost;

import java.util.List;

/** The answer of {@code GET /api/v1/message-rates}: the whole fee table. */
public record MessageRates(List<MessageRate> items) {
}
