package io.chatroi.contacts.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.chatroi.contacts.api.Api.berlinPhone;
import static io.chatroi.contacts.api.Api.createContact;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/** The input boundary: control characters, sizes and numbers a column cannot hold are 400s naming the field. */
@QuarkusTest
class HostileInputApiTest {

    private static io.restassured.response.ValidatableResponse postJson(String path, String json) {
        return given().contentType("application/json").body(json).post(path).then();
    }

    private static void noContactWithPhone(String phone) {
        given().get("/api/v1/contacts?q=" + phone.substring(1)).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aNulByteAnywhereIsA400NamingTheFieldAndWritesNothing() {
        String phone = berlinPhone();
        postJson("/api/v1/contacts", "{\"phone\":\"" + phone + "\",\"name\":\"Ann\\u0000Lee\"}")
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("name"));
        postJson("/api/v1/contacts", "{\"phone\":\"" + phone + "\",\"attributes\":{\"plan\":\"gold\\u0000\"}}")
                .statusCode(400).body("errors[0].field", equalTo("attributes.plan"));
        postJson("/api/v1/contacts", "{\"phone\":\"" + phone + "\",\"company\":\"a\\u0007b\"}")
                .statusCode(400).body("errors[0].field", equalTo("company"));
        noContactWithPhone(phone);

        String id = createContact(Map.of("phone", phone, "name", "Ann"));
        given().contentType("application/merge-patch+json").body("{\"name\":\"x\\u0000\"}")
                .patch("/api/v1/contacts/" + id).then().statusCode(400).body("errors[0].field", equalTo("name"));
        given().get("/api/v1/contacts/" + id).then().statusCode(200).body("name", equalTo("Ann"));

        given().queryParam("q", "a\u0000b").get("/api/v1/contacts").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("q"));
        given().get("/api/v1/contacts?owners=" + "x".repeat(1001)).then().statusCode(400)
                .body("errors[0].field", equalTo("owners"));
    }

    @Test
    void attributesHaveADepthAKeyCountAndASize() {
        String phone = berlinPhone();
        postJson("/api/v1/contacts", "{\"phone\":\"" + phone + "\",\"attributes\":{\"a\":{\"b\":{\"c\":{\"d\":{}}}}}}")
                .statusCode(400).body("errors[0].message", equalTo("nests deeper than 4 levels"));
        postJson("/api/v1/contacts", "{\"phone\":\"" + phone + "\",\"attributes\":{\"note\":\"" + "x".repeat(5000)
                + "\"}}").statusCode(400).body("errors[0].field", equalTo("attributes.note"));
        // JSON deeper than the parser allows is refused before anything is built
        postJson("/api/v1/contacts", "{\"phone\":\"" + phone + "\",\"attributes\":" + "[".repeat(5000)
                + "]".repeat(5000) + "}").statusCode(400).contentType("application/problem+json");
        noContactWithPhone(phone);
    }

    @Test
    void dealAmountsFitTheirColumnAndCurrencyAndHugeExponentsAreRefusedAtOnce() {
        String contact = createContact(Map.of("phone", berlinPhone()));
        for (String amount : new String[]{"1e16", "1e20", "1e999999999", "-1e999999999", "12.345"}) {
            postJson("/api/v1/deals", "{\"contactId\":\"" + contact + "\",\"stage\":\"won\",\"currency\":\"USD\","
                    + "\"orderAmount\":" + amount + "}").statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("orderAmount"));
        }
        postJson("/api/v1/deals", "{\"contactId\":\"" + contact + "\",\"stage\":\"won\",\"currency\":\"JPY\","
                + "\"orderAmount\":100.5}").statusCode(400).body("errors[0].field", equalTo("orderAmount"));
        postJson("/api/v1/deals", "{\"contactId\":\"" + contact + "\",\"stage\":\"inquiry\",\"owner\":\""
                + "o".repeat(300) + "\"}").statusCode(400).body("errors[0].field", equalTo("owner"));
        given().get("/api/v1/deals?contactId=" + contact).then().statusCode(200).body("items", hasSize(0));
        postJson("/api/v1/deals", "{\"contactId\":\"" + contact + "\",\"stage\":\"won\",\"currency\":\"USD\","
                + "\"orderAmount\":9999999999999999.99}").statusCode(201);
    }

    @Test
    void csvCellsFollowTheSameRules() {
        String nul = berlinPhone();
        String huge = berlinPhone();
        String good = berlinPhone();
        String csv = "phone,name,plan\n" + nul + ",An\u0000n,gold\n" + huge + ",Bo," + "x".repeat(100_000) + "\n"
                + good + ",Cy,silver\n";
        given().contentType("text/csv; charset=utf-8").body(csv).post("/api/v1/contacts/import").then()
                .statusCode(200).body("created", equalTo(1)).body("rejected", hasSize(2))
                .body("rejected[0].reason", startsWith("name:")).body("rejected[1].reason", startsWith("attributes.plan:"));
        noContactWithPhone(nul);
        noContactWithPhone(huge);
    }

    @Test
    void theExportNeutralisesFormulasAndImportsBackToTheOriginalValues() {
        String owner = Api.owner();
        String formula = "=HYPERLINK(\"http://evil.example\",\"click\")";
        String id = createContact(Map.of("phone", berlinPhone(), "name", formula, "company", "'=quoted",
                "owner", owner));
        String export = given().get("/api/v1/contacts/export?owners=" + owner).then().statusCode(200)
                .extract().asString();
        assertThat(export).contains("\"'=HYPERLINK(").contains("''=quoted").doesNotContain(",=HYPERLINK");
        // the contact is changed, then the export is imported: the original values come back
        given().contentType("application/merge-patch+json").body(Map.of("name", "changed", "company", "changed"))
                .patch("/api/v1/contacts/" + id).then().statusCode(200);
        given().contentType("text/csv; charset=utf-8").body(export).post("/api/v1/contacts/import").then()
                .statusCode(200).body("rejected", hasSize(0)).body("created", equalTo(0)).body("updated", equalTo(1));
        given().get("/api/v1/contacts/" + id).then().statusCode(200).body("name", equalTo(formula))
                .body("company", equalTo("'=quoted")).body("attributes", equalTo(Map.of()));
    }
}
