package io.chatroi.campaigns.contacts;

import io.chatroi.campaigns.campaign.FakeContactsService;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.ProblemType;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What common's UpstreamClient promises, seen from contacts-service's side of the wire: a GET that failed is tried
 * again, a bulk POST is sent once and its failure is a 503 problem, and the request id of the request being served
 * goes along.
 */
@QuarkusTest
@QuarkusTestResource(FakeContactsService.class)
class ContactsCallsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    ContactsClient contacts;

    private static long seen(String method, String path) {
        return FakeContactsService.SEEN.stream()
                .filter(r -> r.getString("method").equals(method) && r.getString("path").equals(path)).count();
    }

    @Test
    void aLookupThatFailedIsTriedAgain() {
        String path = "/api/v1/contacts/" + FakeContactsService.FAILING_CONTACT;
        long before = seen("GET", path);
        FakeContactsService.FAILING_LEFT.set(1);
        ContactsClient.Address address = contacts.addressOf(FakeContactsService.FAILING_CONTACT).await().atMost(WAIT);
        assertThat(address.phone()).isEqualTo("+4930199990250");
        assertThat(seen("GET", path) - before).as("one failed attempt, one that answered").isEqualTo(2);
    }

    @Test
    void aBulkPostIsSentOnceAndItsFailureIsA503Problem() {
        long before = seen("POST", "/api/v1/order-deals");
        ProblemException problem = catchThrowableOfType(ProblemException.class, () -> contacts.orderDeals(List.of(
                new JsonObject().put("source", "shopify").put("externalId", FakeContactsService.FAILING_ORDER)
                        .put("phones", new JsonArray().add("+4930199990251")))).await().atMost(WAIT));
        assertThat(problem.type()).isEqualTo(ProblemType.SERVICE_UNAVAILABLE);
        assertThat(problem.getMessage()).contains("contacts-service answered 503 to order-deals");
        assertThat(seen("POST", "/api/v1/order-deals") - before).as("not retried").isEqualTo(1);
    }

    @Test
    void theRequestIdOfTheRequestBeingServedGoesAlong() {
        String requestId = "calls-" + UUID.randomUUID();
        given().header("X-Request-Id", requestId).queryParam("contactId", FakeContactsService.contactId(7).toString())
                .get("/api/v1/conversations").then().statusCode(200);
        assertThat(FakeContactsService.SEEN).anyMatch(r -> requestId.equals(r.getString("requestId"))
                && r.getString("path").equals("/api/v1/contacts/" + FakeContactsService.contactId(7)));
    }
}
