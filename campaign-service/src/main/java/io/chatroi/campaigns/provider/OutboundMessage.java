package io.chatroi.campaigns.provider;

import java.util.List;
import java.util.UUID;

/** One template message to send: {@code sendId} goes out as biz_opaque_callback_data for reconciliation. */
public record OutboundMessage(UUID sendId, String to, String templateName, String language, String category,
                              List<String> parameters) {
}
