package io.chatroi.campaigns.webhook;

import io.chatroi.common.testing.SignedWebhooks;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Signed deliveries shaped as Meta's webhook reference shows them, for the tests of several packages. */
public final class MetaWebhook {

    private MetaWebhook() {
    }

    /** Posts one change of the messages field whose value holds the given arrays (statuses, messages, ...). */
    public static ValidatableResponse post(JsonObject value) {
        return postField("messages", value);
    }

    public static ValidatableResponse postField(String field, JsonObject value) {
        if ("messages".equals(field)) {
            value.put("messaging_product", "whatsapp").put("metadata", new JsonObject()
                    .put("display_phone_number", "15550001111").put("phone_number_id", "106540352242922"));
        }
        byte[] bytes = new JsonObject().put("object", "whatsapp_business_account").put("entry", new JsonArray()
                        .add(new JsonObject().put("id", "102290129340398").put("changes", new JsonArray()
                                .add(new JsonObject().put("field", field).put("value", value))))).encode()
                .getBytes(StandardCharsets.UTF_8);
        return SignedWebhooks.postMeta(bytes);
    }

    /** Posts a whole delivery as given, signed over its exact bytes. */
    public static ValidatableResponse postRaw(String body) {
        return SignedWebhooks.postMeta(body);
    }

    /** An inbound message from a phone in E.164 (Meta sends it without the plus sign). */
    public static JsonObject message(String phone, String type, JsonObject content) {
        JsonObject message = new JsonObject().put("from", phone.substring(1)).put("id", wamid())
                .put("timestamp", String.valueOf(Instant.now().getEpochSecond())).put("type", type);
        return content == null ? message : message.put(type, content);
    }

    public static JsonObject messages(JsonObject... messages) {
        JsonArray contacts = new JsonArray();
        JsonArray items = new JsonArray();
        for (JsonObject m : messages) {
            items.add(m);
            contacts.add(new JsonObject().put("profile", new JsonObject().put("name", "Kerry Fisher"))
                    .put("wa_id", m.getString("from")));
        }
        return new JsonObject().put("contacts", contacts).put("messages", items);
    }

    public static String wamid() {
        return "wamid.HBgL" + UUID.randomUUID().toString().replace("-", "");
    }
}
