package io.chatroi.contacts.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.chatroi.contacts.api.Api.berlinPhone;
import static io.chatroi.contacts.api.Api.createContact;
import static io.chatroi.contacts.api.Api.owner;
import static io.chatroi.contacts.api.Api.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** What customers ask most: inbound English and Chinese messages counted by the configured trigger rules. */
@QuarkusTest
class TopAskApiTest {

    private static void say(String contactId, String text, String at) {
        post("/api/v1/contacts/" + contactId + "/interactions",
                Map.of("direction", "inbound", "text", text, "at", at)).statusCode(201);
    }

    private static long count(JsonPath answer, String period, String level, String kind, String label, String term,
                              String language) {
        List<Map<String, Object>> items = answer.getList("items");
        return items.stream().filter(i -> period.equals(i.get("period")) && level.equals(i.get("level"))
                        && kind.equals(i.get("kind")) && label.equals(i.get("label"))
                        && java.util.Objects.equals(term, i.get("term")) && language.equals(i.get("language")))
                .mapToLong(i -> ((Number) i.get("messages")).longValue()).findFirst().orElse(0);
    }

    @Test
    void rulesAndTermsAreCountedPerLanguageAndPeriod() {
        String alice = owner();
        String one = createContact(Map.of("phone", berlinPhone(), "owner", alice));
        String two = createContact(Map.of("phone", berlinPhone(), "owner", alice));
        say(one, "How much is the price?", "2026-03-02T09:00:00Z");
        say(one, "多少钱？有优惠吗", "2026-03-02T10:00:00Z");
        say(two, "价格多少", "2026-03-02T11:00:00Z");
        say(two, "price please, I booked a demo", "2026-03-03T09:00:00Z");
        say(two, "退订", "2026-03-03T10:00:00Z");
        say(two, "outside the range: price", "2026-03-05T10:00:00Z");
        post("/api/v1/contacts/" + two + "/interactions", Map.of("direction", "outbound", "text", "our price is 10",
                "at", "2026-03-03T12:00:00Z")).statusCode(201);

        JsonPath total = given().get("/api/v1/top-asks?owner=" + alice + "&from=2026-03-01T00:00:00Z"
                + "&to=2026-03-04T00:00:00Z").then().statusCode(200).body("period", equalTo("none")).extract().jsonPath();
        // English: two messages ask the price (one with "how much"); "booked" does not fire "ok"
        assertThat(count(total, "total", "rule", "intent", "high", null, "en")).isEqualTo(2);
        assertThat(count(total, "total", "term", "intent", "high", "price", "en")).isEqualTo(2);
        assertThat(count(total, "total", "term", "intent", "high", "how much", "en")).isEqualTo(1);
        assertThat(count(total, "total", "term", "intent", "potential", "ok", "en")).isZero();
        // Chinese, matched as substrings: 多少钱 and 优惠 in one message count that message once for the rule
        assertThat(count(total, "total", "rule", "intent", "high", null, "zh")).isEqualTo(2);
        assertThat(count(total, "total", "term", "intent", "high", "多少钱", "zh")).isEqualTo(1);
        assertThat(count(total, "total", "term", "intent", "high", "价格", "zh")).isEqualTo(1);
        assertThat(count(total, "total", "term", "interest", "discount", "有优惠吗", "zh")).isEqualTo(1);
        assertThat(count(total, "total", "rule", "opt-out", "stop", null, "zh")).isEqualTo(1);
        // the most asked English term ranks first
        List<Map<String, Object>> enTerms = total.getList(
                "items.findAll { it.level == 'term' && it.language == 'en' }");
        assertThat(enTerms.get(0)).containsEntry("term", "price").containsEntry("rank", 1);

        JsonPath daily = given().get("/api/v1/top-asks?owner=" + alice + "&from=2026-03-01T00:00:00Z"
                + "&to=2026-03-04T00:00:00Z&period=day&timeZone=Asia/Shanghai").then().statusCode(200)
                .extract().jsonPath();
        assertThat(count(daily, "2026-03-02", "term", "intent", "high", "price", "en")).isEqualTo(1);
        assertThat(count(daily, "2026-03-03", "term", "intent", "high", "price", "en")).isEqualTo(1);
        // 2026-03-02T10:00Z is 18:00 in Shanghai, still the 2nd; 2026-03-03T10:00Z the 3rd
        assertThat(count(daily, "2026-03-03", "rule", "opt-out", "stop", null, "zh")).isEqualTo(1);

        // top 1 per period, level and language
        given().get("/api/v1/top-asks?owner=" + alice + "&from=2026-03-01T00:00:00Z&to=2026-03-04T00:00:00Z&limit=1")
                .then().statusCode(200).body("items.size()", equalTo(4));

        String csv = given().accept("text/csv").get("/api/v1/top-asks?owner=" + alice
                + "&from=2026-03-01T00:00:00Z&to=2026-03-04T00:00:00Z").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        assertThat(csv).startsWith("period,level,kind,label,term,language,messages,rank\r\n")
                .contains("total,term,intent,high,price,en,2,1").contains("total,term,intent,high,多少钱,zh,1,");
    }

    @Test
    void anAgentCountsOnlyItsOwnContacts() {
        String alice = owner();
        String bob = owner();
        say(createContact(Map.of("phone", berlinPhone(), "owner", alice)), "报价", "2026-04-02T09:00:00Z");
        say(createContact(Map.of("phone", berlinPhone(), "owner", bob)), "quote please", "2026-04-02T09:00:00Z");
        String range = "&from=2026-04-01T00:00:00Z&to=2026-04-03T00:00:00Z";
        given().header("X-ChatROI-Role", "agent").header("X-ChatROI-Owner", alice)
                .get("/api/v1/top-asks?owner=" + bob + range).then().statusCode(200)
                .body("items.term", hasItem("报价")).body("items.findAll { it.term == 'quote' }.size()", equalTo(0));
    }

    @Test
    void badParametersAreOneProblem() {
        given().get("/api/v1/top-asks?period=year&timeZone=Mars/Base&limit=0&from=2026-03-04T00:00:00Z"
                        + "&to=2026-03-01T00:00:00Z").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("from", "period", "timeZone", "limit"));
        given().get("/api/v1/top-asks?from=yesterday").then().statusCode(400).body("errors[0].field", equalTo("from"));
    }
}
