package io.chatroi.campaigns.health;

import io.chatroi.common.testing.SignedWebhooks;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;


/**
 * Account-health deliveries shaped as Meta's webhook reference shows them: one entry (the WABA id and the entry's
 * unix time) with one change of the given field.
 */
final class HealthWebhooks {

    static final String WABA = "102290129340398";

    private HealthWebhooks() {
    }

    static byte[] delivery(String field, long entryTime, JsonObject value) {
        return new JsonObject().put("object", "whatsapp_business_account").put("entry", new JsonArray()
                        .add(new JsonObject().put("id", WABA).put("time", entryTime).put("changes", new JsonArray()
                                .add(new JsonObject().put("value", value).put("field", field))))).encode()
                .getBytes(StandardCharsets.UTF_8);
    }

    static ValidatableResponse post(byte[] delivery) {
        return SignedWebhooks.postMeta(delivery);
    }

    /** message_template_status_update as Meta sends it (the template id is a number). */
    static byte[] templateStatus(long entryTime, String name, String event, String reason) {
        return delivery(HealthEvent.TEMPLATE_STATUS, entryTime, new JsonObject().put("event", event)
                .put("message_template_id", 594425479261596L).put("message_template_name", name)
                .put("message_template_language", "en_US").put("reason", reason)
                .put("message_template_category", "MARKETING"));
    }
}
