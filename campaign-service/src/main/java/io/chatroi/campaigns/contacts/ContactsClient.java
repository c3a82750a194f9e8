package io.chatroi.campaigns.contacts;

import io.chatroi.campaigns.dispatch.SendDecision;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.upstream.UpstreamClient;
import io.chatroi.common.upstream.Upstreams;
import io.chatroi.common.web.ChatRoiHeaders;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * contacts-service over REST ({@code chatroi.upstream.contacts-service.*}): contacts, audiences, send eligibility,
 * the merge feed, and the bulk forms campaign-service hands interactions, identity changes and orders over in.
 * Timeouts, retries, the circuit breakers and the 503/504 mapping are common's {@link UpstreamClient}'s; this bean
 * says what each call sends and how its answer reads.
 */
@ApplicationScoped
public class ContactsClient {

    private final UpstreamClient contacts;

    public ContactsClient(Upstreams upstreams) {
        this.contacts = upstreams.client("contacts-service");
    }

    /** How WhatsApp names a contact: its phone (E.164) and its business-scoped user id, either possibly null. */
    public record Address(String phone, String whatsappUserId) {
    }

    /** A contact as a resolution needs it: its id, phone (null for a username-only user) and owner. */
    public record ContactRef(UUID id, String phone, String owner) {
    }

    /** One audience member: what a send needs (the phone, or for a username-only WhatsApp user the BSUID). */
    public record Member(UUID id, String phone, String whatsappUserId) {
    }

    public record MemberPage(List<Member> members, String nextCursor) {
    }

    /** {@code absorbedId} was merged into {@code survivorId} in contacts-service at {@code mergedAt}. */
    public record Merge(UUID absorbedId, UUID survivorId, Instant mergedAt) {
    }

    public record MergePage(List<Merge> merges, String nextCursor) {
    }

    /**
     * The phone and BSUID of a contact; a 404 problem when contacts-service does not know it or it has neither
     * (an erased or merged contact).
     */
    public Uni<Address> addressOf(UUID contactId) {
        return contacts.get("contact", "/api/v1/contacts/" + contactId).expect(404).send(response -> {
            JsonObject contact = response.statusCode() == 404 ? new JsonObject() : response.bodyAsJsonObject();
            Address address = new Address(contact.getString("phone"), contact.getString("whatsappUserId"));
            if (address.phone() == null && address.whatsappUserId() == null) {
                throw ProblemException.notFound("contact", contactId);
            }
            return address;
        });
    }

    /**
     * The contact with this id, or else this phone, as the caller may see it: the caller's role and owner go along,
     * so contacts-service's agent scope answers an agent's request for another owner's contact like an unknown one.
     * Empty when there is none.
     */
    public Uni<Optional<ContactRef>> find(UUID contactId, String phone, String role, String owner) {
        UpstreamClient.Call call = contactId != null ? contacts.get("contact", "/api/v1/contacts/" + contactId)
                : contacts.get("contact", "/api/v1/contacts/lookup").query("phone", phone);
        return call.header(ChatRoiHeaders.ROLE, role).header(ChatRoiHeaders.OWNER, owner).expect(404)
                .send(response -> {
                    if (response.statusCode() == 404) {
                        return Optional.<ContactRef>empty();
                    }
                    JsonObject contact = response.bodyAsJsonObject();
                    return Optional.of(new ContactRef(UUID.fromString(contact.getString("id")),
                            contact.getString("phone"), contact.getString("owner")));
                });
    }

    /**
     * A page of a campaign audience: a saved segment or an ad-hoc filter. A 400 from contacts-service means the
     * audience itself is wrong and is reported on the caller's field ({@link AudienceAnswers}).
     */
    public Uni<MemberPage> page(Map<String, Object> audience, String after, int limit) {
        Object segmentId = audience.get("segmentId");
        UpstreamClient.Call call;
        if (segmentId != null) {
            call = contacts.get("audience", "/api/v1/segments/" + segmentId + "/audience");
        } else {
            call = contacts.get("audience", "/api/v1/contacts/audience");
            if (audience.get("filter") instanceof Map<?, ?> fields) {
                fields.forEach((key, value) -> call.query(String.valueOf(key), value));
            }
        }
        // a 404 of a segment is the caller's mistake; of the audience listing itself, contacts-service's
        call.expect(segmentId != null ? new Integer[]{400, 404} : new Integer[]{400});
        return call.query("limit", limit).query("after", after)
                .send(response -> AudienceAnswers.page(response, segmentId != null));
    }

    /** contacts-service's send-eligibility for many contacts (at most 1,000) and one category at an instant. */
    public Uni<Map<UUID, SendDecision.Eligibility>> eligibility(List<UUID> contactIds, Instant at, String category) {
        JsonObject body = new JsonObject().put("at", at.toString()).put("category", category)
                .put("contactIds", new JsonArray(contactIds.stream().map(UUID::toString).toList()));
        // a question in POST form: asking again changes nothing
        return contacts.post("send-eligibility", "/api/v1/send-eligibility", body).idempotent().send(response -> {
            Map<UUID, SendDecision.Eligibility> answers = new HashMap<>();
            for (Object item : response.bodyAsJsonArray()) {
                JsonObject answer = (JsonObject) item;
                String next = answer.getString("nextAllowedAt");
                answers.put(UUID.fromString(answer.getString("contactId")), new SendDecision.Eligibility(
                        answer.getBoolean("allowed"), answer.getString("reason"),
                        next == null ? null : Instant.parse(next)));
            }
            return answers;
        });
    }

    /**
     * Records interactions in contacts-service's bulk form (keyed by phone; unknown phones become contacts when
     * {@code createMissingContacts}). Returns how many items contacts-service rejected; the call fails when it
     * could not be made, so the caller keeps the items for the next try.
     */
    public Uni<Integer> recordInteractions(List<JsonObject> items, boolean createMissingContacts) {
        JsonObject body = new JsonObject().put("createMissingContacts", createMissingContacts)
                .put("items", new JsonArray(items));
        return contacts.post("interactions", "/api/v1/interactions", body).bulk().send(AudienceAnswers::rejected);
    }

    /** A page of contacts-service's merge feed, by (mergedAt, absorbedId). */
    public Uni<MergePage> merges(Instant updatedAfter, String after, int limit) {
        return contacts.get("contact-merges", "/api/v1/contact-merges").query("limit", limit)
                .query("updatedAfter", updatedAfter == null ? Instant.EPOCH : updatedAfter).query("after", after)
                .send(response -> {
                    JsonObject body = response.bodyAsJsonObject();
                    List<Merge> merges = new ArrayList<>();
                    for (Object item : body.getJsonArray("items", new JsonArray())) {
                        JsonObject merge = (JsonObject) item;
                        merges.add(new Merge(UUID.fromString(merge.getString("absorbedId")),
                                UUID.fromString(merge.getString("survivorId")),
                                Instant.parse(merge.getString("mergedAt"))));
                    }
                    return new MergePage(merges, body.getString("nextCursor"));
                });
    }

    /**
     * WhatsApp identity changes (a user's new phone or BSUID) in contacts-service's bulk form. Returns how many items
     * contacts-service refused; the call fails when it could not be made, so the caller keeps them for the next try.
     */
    public Uni<Integer> changeIdentities(List<JsonObject> items) {
        return contacts.post("identity-changes", "/api/v1/identity-changes",
                new JsonObject().put("items", new JsonArray(items))).bulk().send(AudienceAnswers::rejected);
    }

    /**
     * Hands orders to contacts-service, which matches each to a contact by phone and keeps its deal (won when paid,
     * reduced by refunds, lost when cancelled). The answer lists, per order, the contact and deal, or nulls when
     * no contact has any of its phones yet.
     */
    public Uni<JsonArray> orderDeals(List<JsonObject> items) {
        return contacts.post("order-deals", "/api/v1/order-deals", new JsonObject().put("items", new JsonArray(items)))
                .bulk().send(response -> response.bodyAsJsonObject().getJsonArray("items"));
    }
}
