package io.chatroi.campaigns.contacts;

import io.chatroi.common.problem.FieldError;
import io.chatroi.common.problem.ProblemException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** How contacts-service's answers read: an audience page (or why the audience is wrong), a bulk form's refusals. */
final class AudienceAnswers {

    private AudienceAnswers() {
    }

    /**
     * A page of members (only those WhatsApp can reach: a phone or a BSUID); a 400 is a problem on the caller's
     * {@code audience.filter.*} fields, a 404 of a segment a problem on {@code audience.segmentId}.
     */
    static ContactsClient.MemberPage page(HttpResponse<Buffer> response, boolean segment) {
        String text = response.bodyAsString();
        JsonObject body = text == null || text.isBlank() ? new JsonObject() : new JsonObject(text);
        if (response.statusCode() == 404 && segment) {
            throw ProblemException.invalid("audience.segmentId", "no such segment in contacts-service");
        }
        if (response.statusCode() == 400) {
            List<FieldError> errors = new ArrayList<>();
            for (Object item : body.getJsonArray("errors", new JsonArray())) {
                JsonObject error = (JsonObject) item;
                errors.add(new FieldError("audience.filter." + error.getString("field", "")
                        .replaceFirst("^filter\\.", ""), error.getString("message", "")));
            }
            throw ProblemException.invalid(errors.isEmpty()
                    ? List.of(new FieldError("audience", body.getString("detail", ""))) : errors);
        }
        List<ContactsClient.Member> members = new ArrayList<>();
        for (Object value : body.getJsonArray("items", new JsonArray())) {
            JsonObject item = (JsonObject) value;
            String phone = item.getString("phone");
            String userId = item.getString("whatsappUserId");
            if (phone != null || userId != null) {
                members.add(new ContactsClient.Member(UUID.fromString(item.getString("id")), phone, userId));
            }
        }
        return new ContactsClient.MemberPage(members, body.getString("nextCursor"));
    }

    /** How many items of a bulk form contacts-service refused. */
    static Integer rejected(HttpResponse<Buffer> response) {
        JsonArray rejected = response.bodyAsJsonObject().getJsonArray("rejected");
        return rejected == null ? 0 : rejected.size();
    }
}
