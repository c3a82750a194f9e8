package io.chatroi.campaigns.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatroi.campaigns.dispatch.SendDecision;
import io.chatroi.common.problem.FieldError;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.web.ClientCallMetrics;
import io.chatroi.common.web.InternalToken;
import io.chatroi.common.web.RequestIdFilter;
import io.chatroi.common.problem.ProblemType;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * contacts-service over REST: pages of a campaign audience (a saved segment or an ad-hoc filter). Owns the
 * timeout, retries with backoff for failures that may pass (timeouts, 5xx) and a circuit breaker; a 400 from
 * contacts-service means the audience itself is wrong and is reported on the caller's field.
 */
@ApplicationScoped
public class ContactsClient {

    private static final String UPSTREAM = "contacts-service";

    private final WebClient client;
    private final URI base;
    private final Duration timeout;
    private final ObjectMapper json;
    private final InternalToken internalToken;
    private final ClientCallMetrics calls;

    public ContactsClient(Vertx vertx, ObjectMapper json,
                          @ConfigProperty(name = "chatroi.contacts.url") URI base,
                          @ConfigProperty(name = "chatroi.contacts.timeout", defaultValue = "5s") Duration timeout,
                          @ConfigProperty(name = "chatroi.contacts.connections", defaultValue = "32") int poolSize,
                          InternalToken internalToken, ClientCallMetrics calls) {
        this.client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true).setMaxPoolSize(poolSize));
        this.base = base;
        this.timeout = timeout;
        this.json = json;
        this.internalToken = internalToken;
        this.calls = calls;
    }

    /** A request to contacts-service, carrying the internal token services require when one is configured. */
    private HttpRequest<Buffer> request(io.vertx.core.http.HttpMethod method, String path) {
        HttpRequest<Buffer> request = client.requestAbs(method, base.resolve(path).toString());
        internalToken.addTo(request::putHeader);
        RequestIdFilter.addTo(request::putHeader);
        return request;
    }

    /** How WhatsApp names a contact: its phone (E.164) and its business-scoped user id, either possibly null. */
    public record Address(String phone, String whatsappUserId) {
    }

    /**
     * The phone and BSUID of a contact; a 404 problem when contacts-service does not know it or it has neither
     * (an erased or merged contact).
     */
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = ProblemException.class)
    @CircuitBreakerName("contacts-get")
    public Uni<Address> addressOf(UUID contactId) {
        return calls.timed(UPSTREAM, "contact", () -> request(io.vertx.core.http.HttpMethod.GET,
                        "/api/v1/contacts/" + contactId).timeout(timeout.toMillis()).send(), HttpResponse::statusCode)
                .map(response -> {
                    if (response.statusCode() == 404) {
                        throw ProblemException.notFound("contact", contactId);
                    }
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("contacts-service answered " + response.statusCode());
                    }
                    io.vertx.core.json.JsonObject contact = response.bodyAsJsonObject();
                    Address address = new Address(contact.getString("phone"), contact.getString("whatsappUserId"));
                    if (address.phone() == null && address.whatsappUserId() == null) {
                        throw ProblemException.notFound("contact", contactId);
                    }
                    return address;
                })
                // down, silent or answering 5xx: the caller's request cannot be served now, which is a 503
                .onFailure(failure -> !(failure instanceof ProblemException)).transform(failure ->
                        new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                                "contacts-service did not answer: " + failure.getMessage(), null, null));
    }

    /** A contact as a resolution needs it: its id, phone (null for a username-only user) and owner. */
    public record ContactRef(UUID id, String phone, String owner) {
    }

    /**
     * The contact with this id, or else this phone, as the caller may see it: the caller's role and owner go along,
     * so contacts-service's agent scope answers an agent's request for another owner's contact like an unknown one.
     * Empty when there is none.
     */
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = ProblemException.class)
    @CircuitBreakerName("contacts-find")
    public Uni<java.util.Optional<ContactRef>> find(UUID contactId, String phone, String role, String owner) {
        HttpRequest<Buffer> request = contactId != null
                ? request(io.vertx.core.http.HttpMethod.GET, "/api/v1/contacts/" + contactId)
                : request(io.vertx.core.http.HttpMethod.GET, "/api/v1/contacts/lookup").addQueryParam("phone", phone);
        if (role != null) {
            request.putHeader(io.chatroi.common.web.ChatRoiHeaders.ROLE, role);
        }
        if (owner != null) {
            request.putHeader(io.chatroi.common.web.ChatRoiHeaders.OWNER, owner);
        }
        return calls.timed(UPSTREAM, "contact", () -> request.timeout(timeout.toMillis()).send(),
                        HttpResponse::statusCode)
                .map(response -> {
                    if (response.statusCode() == 404) {
                        return java.util.Optional.<ContactRef>empty();
                    }
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("contacts-service answered " + response.statusCode());
                    }
                    io.vertx.core.json.JsonObject contact = response.bodyAsJsonObject();
                    return java.util.Optional.of(new ContactRef(UUID.fromString(contact.getString("id")),
                            contact.getString("phone"), contact.getString("owner")));
                })
                .onFailure(failure -> !(failure instanceof ProblemException)).transform(failure ->
                        new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                                "contacts-service did not answer: " + failure.getMessage(), null, null));
    }

    /** One audience member: what a send needs (the phone, or for a username-only WhatsApp user the BSUID). */
    public record Member(UUID id, String phone, String whatsappUserId) {
    }

    public record MemberPage(List<Member> members, String nextCursor) {
    }

    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000,
            skipOn = ProblemException.class)
    @CircuitBreakerName("contacts-audience")
    public Uni<MemberPage> page(Map<String, Object> audience, String after, int limit) {
        HttpRequest<Buffer> request;
        Object segmentId = audience.get("segmentId");
        if (segmentId != null) {
            request = request(io.vertx.core.http.HttpMethod.GET, "/api/v1/segments/" + segmentId + "/audience");
        } else {
            request = request(io.vertx.core.http.HttpMethod.GET, "/api/v1/contacts/audience");
            Object filter = audience.get("filter");
            if (filter instanceof Map<?, ?> fields) {
                fields.forEach((key, value) -> addQuery(request, String.valueOf(key), value));
            }
        }
        request.addQueryParam("limit", String.valueOf(limit));
        if (after != null) {
            request.addQueryParam("after", after);
        }
        // parse first, so a 5xx (IllegalStateException) is retried like a lost connection; a refused audience
        // (ProblemException) is an answer, not a failure to retry
        return calls.timed(UPSTREAM, "audience", () -> request.timeout(timeout.toMillis()).send(), HttpResponse::statusCode)
                .map(response -> parse(response, segmentId != null))
                .onFailure(failure -> !(failure instanceof ProblemException)).retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(3)
                .onFailure(failure -> !(failure instanceof ProblemException)).transform(failure ->
                        new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                                "contacts-service did not answer: " + failure.getMessage(), null, null));
    }

    /** contacts-service's send-eligibility for many contacts (at most 1,000) and one category at an instant. */
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000)
    @CircuitBreakerName("contacts-eligibility")
    public Uni<Map<UUID, SendDecision.Eligibility>> eligibility(List<UUID> contactIds, java.time.Instant at,
                                                                String category) {
        io.vertx.core.json.JsonObject body = new io.vertx.core.json.JsonObject().put("at", at.toString())
                .put("category", category).put("contactIds", new io.vertx.core.json.JsonArray(
                        contactIds.stream().map(UUID::toString).toList()));
        return calls.timed(UPSTREAM, "send-eligibility", () -> request(io.vertx.core.http.HttpMethod.POST,
                        "/api/v1/send-eligibility").timeout(timeout.toMillis()).sendJsonObject(body), HttpResponse::statusCode)
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(1)).atMost(2)
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("send-eligibility answered " + response.statusCode());
                    }
                    Map<UUID, SendDecision.Eligibility> answers = new java.util.HashMap<>();
                    for (Object item : response.bodyAsJsonArray()) {
                        io.vertx.core.json.JsonObject answer = (io.vertx.core.json.JsonObject) item;
                        String next = answer.getString("nextAllowedAt");
                        answers.put(UUID.fromString(answer.getString("contactId")), new SendDecision.Eligibility(
                                answer.getBoolean("allowed"), answer.getString("reason"),
                                next == null ? null : java.time.Instant.parse(next)));
                    }
                    return answers;
                });
    }

    /**
     * Records interactions in contacts-service's bulk form (keyed by phone; unknown phones become contacts when
     * {@code createMissingContacts}). Returns how many items contacts-service rejected; the call fails when it
     * could not be made, so the caller keeps the items for the next try.
     */
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000)
    @CircuitBreakerName("contacts-interactions")
    public Uni<Integer> recordInteractions(List<io.vertx.core.json.JsonObject> items, boolean createMissingContacts) {
        io.vertx.core.json.JsonObject body = new io.vertx.core.json.JsonObject()
                .put("createMissingContacts", createMissingContacts)
                .put("items", new io.vertx.core.json.JsonArray(items));
        return calls.timed(UPSTREAM, "interactions", () -> request(io.vertx.core.http.HttpMethod.POST,
                        "/api/v1/interactions").timeout(timeout.toMillis() * 4).sendJsonObject(body), HttpResponse::statusCode)
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("contacts-service answered " + response.statusCode()
                                + " to bulk interactions: " + response.bodyAsString());
                    }
                    var rejected = response.bodyAsJsonObject().getJsonArray("rejected");
                    return rejected == null ? 0 : rejected.size();
                });
    }

    /** {@code absorbedId} was merged into {@code survivorId} in contacts-service at {@code mergedAt}. */
    public record Merge(UUID absorbedId, UUID survivorId, java.time.Instant mergedAt) {
    }

    public record MergePage(List<Merge> merges, String nextCursor) {
    }

    /** A page of contacts-service's merge feed, by (mergedAt, absorbedId). */
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000)
    @CircuitBreakerName("contacts-merges")
    public Uni<MergePage> merges(java.time.Instant updatedAfter, String after, int limit) {
        HttpRequest<Buffer> request = request(io.vertx.core.http.HttpMethod.GET, "/api/v1/contact-merges")
                .addQueryParam("limit", String.valueOf(limit))
                .addQueryParam("updatedAfter", (updatedAfter == null ? java.time.Instant.EPOCH : updatedAfter)
                        .toString());
        if (after != null) {
            request.addQueryParam("after", after);
        }
        return calls.timed(UPSTREAM, "contact-merges", () -> request.timeout(timeout.toMillis()).send(),
                        HttpResponse::statusCode)
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(2)
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("contacts-service answered " + response.statusCode()
                                + " to contact merges");
                    }
                    io.vertx.core.json.JsonObject body = response.bodyAsJsonObject();
                    List<Merge> merges = new ArrayList<>();
                    for (Object item : body.getJsonArray("items", new io.vertx.core.json.JsonArray())) {
                        io.vertx.core.json.JsonObject merge = (io.vertx.core.json.JsonObject) item;
                        merges.add(new Merge(UUID.fromString(merge.getString("absorbedId")),
                                UUID.fromString(merge.getString("survivorId")),
                                java.time.Instant.parse(merge.getString("mergedAt"))));
                    }
                    return new MergePage(merges, body.getString("nextCursor"));
                });
    }

    /**
     * WhatsApp identity changes (a user's new phone or BSUID) in contacts-service's bulk form. Returns how many items
     * contacts-service refused; the call fails when it could not be made, so the caller keeps them for the next try.
     */
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000)
    @CircuitBreakerName("contacts-identity-changes")
    public Uni<Integer> changeIdentities(List<io.vertx.core.json.JsonObject> items) {
        io.vertx.core.json.JsonObject body = new io.vertx.core.json.JsonObject()
                .put("items", new io.vertx.core.json.JsonArray(items));
        return calls.timed(UPSTREAM, "identity-changes", () -> request(io.vertx.core.http.HttpMethod.POST,
                        "/api/v1/identity-changes").timeout(timeout.toMillis() * 4).sendJsonObject(body),
                        HttpResponse::statusCode)
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("contacts-service answered " + response.statusCode()
                                + " to identity changes: " + response.bodyAsString());
                    }
                    var rejected = response.bodyAsJsonObject().getJsonArray("rejected");
                    return rejected == null ? 0 : rejected.size();
                });
    }

    /**
     * Hands orders to contacts-service, which matches each to a contact by phone and keeps its deal (won when paid,
     * reduced by refunds, lost when cancelled). The answer lists, per order, the contact and deal, or nulls when
     * no contact has any of its phones yet.
     */
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000)
    @CircuitBreakerName("contacts-order-deals")
    public Uni<io.vertx.core.json.JsonArray> orderDeals(List<io.vertx.core.json.JsonObject> items) {
        io.vertx.core.json.JsonObject body = new io.vertx.core.json.JsonObject()
                .put("items", new io.vertx.core.json.JsonArray(items));
        return calls.timed(UPSTREAM, "order-deals", () -> request(io.vertx.core.http.HttpMethod.POST,
                        "/api/v1/order-deals").timeout(timeout.toMillis() * 4).sendJsonObject(body), HttpResponse::statusCode)
                .map(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("contacts-service answered " + response.statusCode()
                                + " to order deals: " + response.bodyAsString());
                    }
                    return response.bodyAsJsonObject().getJsonArray("items");
                });
    }

    private MemberPage parse(HttpResponse<Buffer> response, boolean segment) {
        int status = response.statusCode();
        JsonNode body;
        try {
            body = json.readTree(response.bodyAsString() == null ? "{}" : response.bodyAsString());
        } catch (IOException e) {
            throw new IllegalStateException("contacts-service answered non-JSON", e);
        }
        if (status == 404 && segment) {
            throw ProblemException.invalid("audience.segmentId", "no such segment in contacts-service");
        }
        if (status == 400) {
            List<FieldError> errors = new ArrayList<>();
            body.path("errors").forEach(e -> errors.add(new FieldError("audience.filter." + e.path("field").asText()
                    .replaceFirst("^filter\\.", ""), e.path("message").asText())));
            throw ProblemException.invalid(errors.isEmpty()
                    ? List.of(new FieldError("audience", body.path("detail").asText())) : errors);
        }
        if (status >= 500 || status != 200) {
            throw new IllegalStateException("contacts-service answered " + status);
        }
        List<Member> members = new ArrayList<>();
        for (JsonNode item : body.path("items")) {
            String phone = item.hasNonNull("phone") ? item.path("phone").asText() : null;
            String userId = item.hasNonNull("whatsappUserId") ? item.path("whatsappUserId").asText() : null;
            if (phone != null || userId != null) {
                members.add(new Member(UUID.fromString(item.path("id").asText()), phone, userId));
            }
        }
        JsonNode next = body.path("nextCursor");
        return new MemberPage(members, next.isTextual() ? next.asText() : null);
    }

    private static void addQuery(HttpRequest<Buffer> request, String key, Object value) {
        if (value instanceof Collection<?> values) {
            values.forEach(v -> request.addQueryParam(key, String.valueOf(v)));
        } else if (value != null) {
            request.addQueryParam(key, String.valueOf(value));
        }
    }
}
