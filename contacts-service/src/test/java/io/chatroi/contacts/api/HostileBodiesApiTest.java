package io.chatroi.contacts.api;

import io.chatroi.common.testing.HostileBodies;
import io.chatroi.common.testing.SkipContractValidation;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.chatroi.contacts.api.Api.berlinPhone;
import static io.chatroi.contacts.api.Api.createContact;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hundreds of hostile variants of valid contact and deal bodies, through HTTP: every answer is a 2xx or a 4xx
 * problem naming what was wrong, never a 5xx, and a refused request leaves nothing behind.
 */
@QuarkusTest
@SkipContractValidation("the bodies break the request schema on purpose; the test checks every answer itself")
class HostileBodiesApiTest {

    @Test
    void noContactBodyIsA5xxAndARefusedOneWritesNothing() {
        List<String> fields = List.of("name", "company", "country", "language", "timeZone", "source", "owner", "stage",
                "acceptedAt", "optedOut", "referredBy", "attributes", "tags", "phone");
        int refused = 0;
        for (int i = 0; i < 250; i++) {
            String phone = berlinPhone();
            String valid = "{\"phone\":\"" + phone + "\",\"name\":\"Ann\",\"attributes\":{\"plan\":\"gold\"}}";
            String body = HostileBodies.variants(valid, fields, 1, 1000L + i).get(0);
            Response answer = given().contentType("application/json").body(body).post("/api/v1/contacts");
            assertThat(answer.statusCode()).as(body).isLessThan(500);
            if (answer.statusCode() >= 400) {
                refused++;
                assertProblem(answer, body);
                assertThat(contactsWithPhone(phone)).as("refused, yet stored: " + body).isZero();
            }
        }
        assertThat(refused).as("most variants are invalid").isGreaterThan(100);
    }

    @Test
    void noDealBodyIsA5xxAndARefusedOneWritesNothing() {
        String contactId = createContact(Map.of("phone", berlinPhone()));
        List<String> fields = List.of("stage", "inquiryAt", "quotedAt", "quoteAmount", "wonAt", "lostAt",
                "orderAmount", "profit", "currency", "campaignId", "owner");
        String valid = "{\"contactId\":\"" + contactId + "\",\"stage\":\"won\",\"inquiryAt\":\"2025-05-01T10:00:00Z\","
                + "\"wonAt\":\"2025-05-02T10:00:00Z\",\"orderAmount\":120.50,\"currency\":\"EUR\"}";
        int deals = dealsOf(contactId);
        for (String body : HostileBodies.variants(valid, fields, 200, 77)) {
            Response answer = given().contentType("application/json").body(body).post("/api/v1/deals");
            assertThat(answer.statusCode()).as(body).isLessThan(500);
            if (answer.statusCode() >= 400) {
                assertProblem(answer, body);
                assertThat(dealsOf(contactId)).as("refused, yet stored: " + body).isEqualTo(deals);
            } else {
                deals++;
            }
        }
    }

    private static void assertProblem(Response answer, String body) {
        assertThat(answer.contentType()).as(body).startsWith("application/problem+json");
        assertThat(answer.jsonPath().getString("detail") + answer.jsonPath().getString("errors"))
                .as(body).isNotBlank();
    }

    private static int contactsWithPhone(String phone) {
        return given().queryParam("q", phone.substring(1)).get("/api/v1/contacts").then().statusCode(200)
                .extract().jsonPath().getList("items").size();
    }

    private static int dealsOf(String contactId) {
        return given().queryParam("contactId", contactId).queryParam("limit", 500).get("/api/v1/deals").then()
                .statusCode(200).extract().jsonPath().getList("items").size();
    }
}
