package io.chatroi.campaigns.contacts;

import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Meta's identity notices (docs/whatsapp.md), as contacts-service's identity changes take them. A
 * {@code user_changed_number} system message comes from the old phone ({@code from}) and names the new one in
 * {@code system.wa_id}; a {@code user_changed_user_id} one names the new BSUID in {@code system.user_id}. Both give
 * the BSUID they replace in {@code system.previous_user_id}. Other system notices change no identity.
 */
final class IdentityChanges {

    private IdentityChanges() {
    }

    /** The change a stored system message announces, or null when it announces none usable. */
    static JsonObject of(Row row) {
        Object value = row.getValue("system");
        if (!(value instanceof JsonObject system)) {
            return null;
        }
        String type = system.getString("type");
        if (!"user_changed_number".equals(type) && !"user_changed_user_id".equals(type)) {
            return null;
        }
        String newUserId = text(system, "user_id");
        String newPhone = text(system, "wa_id") == null ? null : "+" + text(system, "wa_id").replaceAll("[^0-9]", "");
        String previousUserId = text(system, "previous_user_id");
        String fromUserId = row.getString("from_user_id");
        if (previousUserId == null && fromUserId != null && !fromUserId.equals(newUserId)) {
            previousUserId = fromUserId;
        }
        String previousPhone = row.getString("from_phone");
        if (previousPhone != null && previousPhone.equals(newPhone)) {
            newPhone = null; // the phone did not change: only the BSUID did
        }
        if (previousPhone == null && previousUserId == null || newPhone == null && newUserId == null) {
            return null;
        }
        return new JsonObject().put("previousPhone", previousPhone).put("previousWhatsappUserId", previousUserId)
                .put("phone", newPhone).put("whatsappUserId", newUserId);
    }

    private static String text(JsonObject object, String field) {
        Object value = object.getValue(field);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
