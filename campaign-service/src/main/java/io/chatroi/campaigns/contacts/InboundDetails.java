package io.chatroi.campaigns.contacts;

import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;

/**
 * What an inbound message carries beyond its text, as contacts-service's bulk interactions take it: the order
 * placed in the chat (items, total, the campaign it is credited to), a Flow's reply ({@code nfm_reply.response_json},
 * a JSON text) and the click-to-WhatsApp ad it came from (Meta's {@code referral}, in camelCase).
 */
final class InboundDetails {

    private InboundDetails() {
    }

    static JsonObject addTo(JsonObject item, Row row) {
        JsonObject order = row.getJsonObject("chat_order");
        if (order != null) {
            item.put("order", order);
        }
        String flow = row.getString("flow_response");
        if (flow != null) {
            item.put("flowResponse", flow);
        }
        if (row.getValue("referral") instanceof JsonObject referral) {
            item.put("referral", new JsonObject().put("sourceId", referral.getValue("source_id"))
                    .put("sourceType", referral.getValue("source_type"))
                    .put("sourceUrl", referral.getValue("source_url"))
                    .put("headline", referral.getValue("headline"))
                    .put("ctwaClid", referral.getValue("ctwa_clid")));
        }
        return item;
    }
}
