package io.chatroi.campaigns.provider;

import java.util.List;
import java.util.UUID;

/**
 * One template message to send: {@code sendId} goes out as biz_opaque_callback_data for reconciliation;
 * {@code links} are the template's tracked links for this send (a URL button's dynamic suffix is the code).
 * {@code to} is the phone; it is null for a WhatsApp user known by username alone, who is reached by
 * {@code recipientUserId}, the business-scoped user id (the Cloud API's {@code recipient} field).
 */
public record OutboundMessage(UUID sendId, String to, String templateName, String language, String category,
                              List<String> parameters, List<Link> links, String recipientUserId) {

    /** A tracked link: in the {@code body} or a {@code button} (with its position), its code and full URL. */
    public record Link(String kind, Integer buttonIndex, String code, String url) {
    }
}
