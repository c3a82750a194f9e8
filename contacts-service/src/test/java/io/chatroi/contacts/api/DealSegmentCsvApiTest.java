package io.chatroi.contacts.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.chatroi.contacts.api.Api.berlinPhone;
import static io.chatroi.contacts.api.Api.createContact;
import static io.chatroi.contacts.api.Api.owner;
import static io.chatroi.contacts.api.Api.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class DealSegmentCsvApiTest {

    @Test
    void dealsMoveTheContactToCustomerThenRepeatCustomer() {
        String contact = createContact(Map.of("phone", berlinPhone(), "owner", "Zhang San"));
        String deal = post("/api/v1/deals", Map.of("contactId", contact, "stage", "inquiry"))
                .statusCode(201).body("owner", equalTo("Zhang San")).extract().path("id");
        given().get("/api/v1/contacts/" + contact).then().body("stage", equalTo("inquiry"));
        given().contentType("application/merge-patch+json")
                .body(Map.of("stage", "quoted", "quoteAmount", 1200, "currency", "USD"))
                .patch("/api/v1/deals/" + deal).then().statusCode(200).body("quotedAt", org.hamcrest.Matchers.notNullValue());
        given().get("/api/v1/contacts/" + contact).then().body("stage", equalTo("quoted"))
                .body("customerClass", equalTo("A"));
        given().contentType("application/merge-patch+json").body(Map.of("stage", "won", "orderAmount", 1150,
                        "profit", 300)).patch("/api/v1/deals/" + deal).then().statusCode(200)
                .body("orderAmount", equalTo(1150.0f));
        given().get("/api/v1/contacts/" + contact).then().body("stage", equalTo("customer"));
        given().contentType("application/merge-patch+json").body(Map.of("stage", "inquiry"))
                .patch("/api/v1/deals/" + deal).then().statusCode(400).body("errors.field", hasItem("stage"));
        // imported history: a deal created directly as won, with its timeline
        post("/api/v1/deals", Map.of("contactId", contact, "stage", "won", "inquiryAt", "2026-10-01T09:00:00Z",
                "quotedAt", "2026-10-03T09:00:00Z", "wonAt", "2026-10-10T09:00:00Z", "orderAmount", 800,
                "currency", "usd")).statusCode(201).body("currency", equalTo("USD"));
        given().get("/api/v1/contacts/" + contact).then().body("stage", equalTo("repeat_customer"));
        given().get("/api/v1/deals?contactId=" + contact).then().body("items", hasSize(2));
    }

    @Test
    void invalidDealsAreRejectedWhole() {
        String contact = createContact(Map.of("phone", berlinPhone()));
        post("/api/v1/deals", Map.of("contactId", contact, "stage", "won", "inquiryAt", "2026-10-05T00:00:00Z",
                "wonAt", "2026-10-01T00:00:00Z", "orderAmount", -5, "currency", "USD"))
                .statusCode(400).body("errors.field", hasItems("wonAt", "orderAmount"));
        post("/api/v1/deals", Map.of("contactId", "00000000-0000-0000-0000-000000000000", "stage", "inquiry"))
                .statusCode(400).body("errors[0].field", equalTo("contactId"));
        given().get("/api/v1/deals?contactId=" + contact).then().body("items", hasSize(0));
        given().get("/api/v1/contacts/" + contact).then().body("stage", equalTo("new"));
    }

    @Test
    void segmentsSaveFiltersAndPageTheirMembers() {
        String owner = owner();
        for (int i = 0; i < 5; i++) {
            createContact(Map.of("phone", berlinPhone(), "owner", owner, "source", i < 3 ? "trade_show" : "website"));
        }
        String segment = post("/api/v1/segments", Map.of("name", "Fair " + owner,
                "filter", Map.of("owners", List.of(owner), "sources", List.of("trade_show"), "optedOut", false)))
                .statusCode(201).extract().path("id");
        given().get("/api/v1/segments/" + segment + "/count").then().body("count", equalTo(3));
        String cursor = given().get("/api/v1/segments/" + segment + "/contacts?limit=2").then()
                .body("items", hasSize(2)).extract().path("nextCursor");
        given().get("/api/v1/segments/" + segment + "/contacts?limit=2&after=" + cursor).then()
                .body("items", hasSize(1)).body("nextCursor", nullValue());
        String audienceCursor = given().get("/api/v1/segments/" + segment + "/audience?limit=2").then()
                .body("items", hasSize(2)).body("items[0].phone", startsWith("+49"))
                .body("items[0].createdAt", nullValue()).extract().path("nextCursor");
        given().get("/api/v1/segments/" + segment + "/audience?after=" + audienceCursor).then()
                .body("items", hasSize(1)).body("nextCursor", nullValue());
        given().get("/api/v1/contacts/audience?owners=" + owner + "&sources=website").then()
                .body("items", hasSize(2));
        given().get("/api/v1/contacts/audience?limit=5001").then().statusCode(400);
        post("/api/v1/segments", Map.of("name", "Fair " + owner)).statusCode(409);
        post("/api/v1/segments", Map.of("name", "Broken", "filter", Map.of("tagAll", List.of("x"))))
                .statusCode(400).body("errors[0].field", equalTo("filter.tagAll"));
        post("/api/v1/segments", Map.of("name", "New subs " + owner,
                "filter", Map.of("behaviour", "new_subscribers", "customerClass", "B"))).statusCode(201);
    }

    @Test
    void behaviourSegmentsSelectTheirMembers() {
        String owner = owner();
        String now = java.time.Instant.now().toString();
        String recent = java.time.Instant.now().minus(java.time.Duration.ofDays(5)).toString();
        String active = createContact(Map.of("phone", berlinPhone(), "owner", owner));
        for (int i = 0; i < 3; i++) {
            post("/api/v1/contacts/" + active + "/interactions", Map.of("direction", i == 1 ? "outbound" : "inbound",
                    "text", "hello", "at", recent)).statusCode(201);
        }
        String clicker = createContact(Map.of("phone", berlinPhone(), "owner", owner));
        post("/api/v1/contacts/" + clicker + "/interactions", Map.of("direction", "inbound", "messageType", "click",
                "at", now)).statusCode(201);
        String dormantCustomer = createContact(Map.of("phone", berlinPhone(), "owner", owner));
        post("/api/v1/deals", Map.of("contactId", dormantCustomer, "stage", "won", "inquiryAt", "2025-01-02T00:00:00Z",
                "wonAt", "2025-01-10T00:00:00Z", "orderAmount", 500, "currency", "USD")).statusCode(201);
        String subscriber = createContact(Map.of("phone", berlinPhone(), "owner", owner, "acceptedAt", now));
        String base = "/api/v1/contacts?owners=" + owner + "&behaviour=";
        given().get(base + "active_buyers").then().body("items.id", equalTo(List.of(active)));
        given().get(base + "high_potential").then().body("items.id", equalTo(List.of(clicker)));
        given().get(base + "dormant_customers").then().body("items.id", equalTo(List.of(dormantCustomer)));
        given().get(base + "new_subscribers").then().body("items.id", equalTo(List.of(subscriber)));
        given().get(base + "sleepy").then().statusCode(400).body("errors[0].field", equalTo("behaviour"));
    }

    @Test
    void csvImportLandsGoodRowsReportsBadOnesAndUpdatesKnownPhones() {
        String owner = owner();
        String existing = berlinPhone();
        createContact(Map.of("phone", existing, "name", "Before", "stage", "quoted", "owner", owner));
        String fresh = berlinPhone();
        String csv = "phone,name,company,source,owner,tags,wechat\n"
                + existing + ",After,,,,,\n"
                + fresh + ",王五,宁波贸易,trade_show," + owner + ",vip-csv;sample-sent,wang5\n"
                + "12345,Broken,,,,,\n"
                + fresh + ",Again,,,,,\n"
                + berlinPhone() + ",Bad source,,fax,,,\n";
        given().contentType("text/csv; charset=utf-8").body(csv).post("/api/v1/contacts/import").then()
                .statusCode(200)
                .body("created", equalTo(1)).body("updated", equalTo(1))
                .body("rejected.line", equalTo(List.of(4, 5, 6)))
                .body("rejected[0].reason", startsWith("phone:"))
                .body("rejected[1].reason", containsString("repeats line 3"));
        given().get("/api/v1/contacts?owners=" + owner).then().body("items", hasSize(2))
                .body("items.find { it.phone == '" + existing + "' }.name", equalTo("After"))
                .body("items.find { it.phone == '" + existing + "' }.stage", equalTo("quoted"))
                .body("items.find { it.phone == '" + fresh + "' }.name", equalTo("王五"))
                .body("items.find { it.phone == '" + fresh + "' }.attributes.wechat", equalTo("wang5"))
                .body("items.find { it.phone == '" + fresh + "' }.tags", hasItems("vip-csv", "sample-sent"));
        given().get("/api/v1/tags/vip-csv").then().statusCode(200).body("category", equalTo("custom"));
        given().contentType("text/csv").body("name\nx\n").post("/api/v1/contacts/import").then().statusCode(400)
                .body("errors[0].field", equalTo("header"));
    }

    @Test
    void exportStreamsCsvWithTags() {
        String owner = owner();
        String phone = berlinPhone();
        createContact(Map.of("phone", phone, "owner", owner, "name", "李四"));
        String body = given().get("/api/v1/contacts/export?owners=" + owner).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        String[] lines = body.split("\r\n");
        org.assertj.core.api.Assertions.assertThat(lines).hasSize(2);
        org.assertj.core.api.Assertions.assertThat(lines[0]).startsWith("id,phone,name");
        org.assertj.core.api.Assertions.assertThat(lines[1]).contains(phone, "李四", "activity:dormant");
    }
}
