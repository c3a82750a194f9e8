package io.chatroi.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.chatroi.e2e.E2e.as;
import static io.chatroi.e2e.E2e.await;
import static io.chatroi.e2e.E2e.key;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overview's numbers that open a list from metrics-service, in a real browser as a manager: the funnel's interact,
 * convert and retain stages (their contacts) and the conversions and revenue tiles (the converted sends, the won
 * deals). Each panel's count is the number clicked and the length of the API's whole list for the same filter, its
 * first page is that list's first rows, and its CSV holds exactly that list. The class brings its own facts (added
 * today, so inside the default 30 days): contacts that accepted and wrote, a deal_won campaign sent to them, and deals
 * won after it, so no stage or tile is empty whether or not the demo workspace is loaded. Any console error fails.
 */
@Order(Integer.MAX_VALUE)
@ExtendWith(Stack.class)
class DashboardFunnelDrillBrowserTest {

    private static final String OWNER = "Funnel Drill " + UUID.randomUUID().toString().substring(0, 8);
    private static String manager;
    private static Map<String, String> range;
    @RegisterExtension
    static final BrowserSession SESSION = new BrowserSession();
    private static Browser browser;
    private static String currency;
    private static String campaignId;

    @BeforeAll
    static void ownFactsAndBrowser() throws Exception {
        manager = key("manager", null);
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String phone = "+4930" + (1_000_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 899_999_999L));
            contacts.add(as(manager).contentType("application/json").body(Map.of("phone", phone, "name",
                            "Drill " + i, "owner", OWNER, "acceptedAt", Instant.now().minusSeconds(60).toString()))
                    .post("/api/v1/contacts").then().statusCode(201).extract().path("id"));
        }
        // the first two write after being added: interact
        for (String id : contacts.subList(0, 2)) {
            as(manager).contentType("application/json").body(Map.of("direction", "inbound", "text", "Price list?",
                    "at", Instant.now().toString())).post("/api/v1/contacts/" + id + "/interactions")
                    .then().statusCode(201);
        }
        String template = as(manager).contentType("application/json").body(Map.of("name", "drill_" + UUID.randomUUID()
                        .toString().substring(0, 8), "language", "en_US", "category", "marketing",
                        "body", "Hi {{1}}, new prices from {{2}}", "buttons", List.of(Map.of("type", "quick_reply",
                                "text", "Stop promotions", "payload", "STOP"))))
                .post("/api/v1/templates").then().statusCode(201).extract().path("id");
        Map<String, Object> campaign = Map.of("name", "Drill deal_won " + OWNER, "owner", OWNER,
                "audience", Map.of("filter", Map.of("owners", List.of(OWNER))),
                "variants", List.of(Map.of("key", "A", "templateId", template, "weight", 100,
                        "parameters", List.of("friend", "Sunday"))),
                "holdoutWeight", 0, "goal", Map.of("type", "deal_won", "attributionDays", 7),
                "rules", Map.of("respectQuietHours", false, "frequencyCap", false));
        campaignId = as(manager).contentType("application/json").body(campaign).post("/api/v1/campaigns")
                .then().statusCode(201).extract().path("id");
        as(manager).post("/api/v1/campaigns/" + campaignId + "/launch").then().statusCode(200);
        await("the drill campaign sent to its 3 contacts", Duration.ofSeconds(90), () -> as(manager)
                .get("/api/v1/campaigns/" + campaignId).then().statusCode(200).extract().jsonPath()
                .getInt("counters.sent") == 3 ? true : null);
        // won after the sends: the second contact twice (retain); both deals convert their contact's send
        currency = as(manager).get("/api/v1/settings").then().statusCode(200).extract().path("currency");
        Instant won = Instant.now();
        deal(contacts.get(0), won, 1200);
        deal(contacts.get(1), won, 300);
        deal(contacts.get(1), won, 450.5);
        String run = as(manager).contentType("application/json").body("{}").post("/api/v1/recompute")
                .then().statusCode(202).extract().header("Location");
        await("the recompute to succeed", Duration.ofMinutes(3), () -> "succeeded".equals(
                as(manager).get(run).then().extract().path("status")) ? true : null);
        ZoneId zone = ZoneId.of(as(manager).get("/api/v1/settings").then().extract().path("timeZone"));
        LocalDate today = LocalDate.now(zone);
        range = Map.of("from", today.minusDays(29).toString(), "to", today.toString());
        browser = SESSION.browser();
    }

    private static void deal(String contactId, Instant wonAt, double amount) {
        as(manager).contentType("application/json").body(Map.of("contactId", contactId, "stage", "won",
                        "wonAt", wonAt.toString(), "orderAmount", amount,
                        "currency", currency))
                .post("/api/v1/deals").then().statusCode(201);
    }

    @Test
    void theLaterFunnelStagesAndTheConversionAndRevenueTilesOpenTheirLists() throws IOException {
        browser.signIn(manager);
        browser.open("overview");
        browser.find("[data-test=tiles] [data-kpi=conversions]");
        browser.awaitText("[data-test=range]", text -> text.startsWith(range.get("from") + " – " + range.get("to")));
        JsonPath funnel = as(manager).queryParams(range).get("/api/v1/funnel").then().statusCode(200).extract()
                .jsonPath();
        String[] stages = {"interact", "convert", "retain"};
        for (int i = 1; i <= 3; i++) {
            int n = funnel.getInt("stages[" + i + "].count");
            assertThat(n).as(stages[i - 1] + " in the default range (this class's contacts at least)").isPositive();
            // interact by a mouse click on its bar's button (a stage of a few contacts next to the demo's reach is
            // a bar too thin to hit reliably), the others from the keyboard
            if (i == 1) {
                browser.click("[data-figure=funnel] [data-bar='" + i + "']");
            } else {
                browser.pressEnter("[data-figure=funnel] [data-bar='" + i + "']");
            }
            Map<String, String> filter = new HashMap<>(range);
            filter.put("stage", stages[i - 1]);
            check("funnel-drill", n, "/api/v1/funnel/contacts", filter, "contactId", "contactId",
                    "funnel-" + stages[i - 1]);
        }

        JsonPath kpis = as(manager).queryParams(range).get("/api/v1/kpis").then().statusCode(200).extract().jsonPath();
        int conversions = (int) Double.parseDouble(
                browser.find("[data-test=tiles] [data-kpi=conversions]").getAttribute("data-value"));
        assertThat(conversions).isEqualTo(kpis.getInt("rows[0].counts.conversions")).isPositive();
        browser.click("[data-test=tiles] [data-kpi=conversions]");
        check("kpi-drill", conversions, "/api/v1/kpis/conversions", range, "sendId", "contactId", "conversions-");

        BigDecimal revenue = new BigDecimal(browser.find("[data-test=tiles] [data-kpi=revenue]").getAttribute("data-value"));
        int orders = kpis.getInt("rows[0].counts.orders");
        assertThat(orders).isPositive();
        browser.pressEnter("[data-test=tiles] [data-kpi=revenue]");
        List<JsonPath> deals = check("kpi-drill", orders, "/api/v1/kpis/won-deals", range, "dealId", "contactId",
                "won-deals-");
        BigDecimal sum = deals.stream().flatMap(p -> p.getList("items.orderAmount", BigDecimal.class).stream())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).as("the won deals add up to the revenue tile").isEqualByComparingTo(revenue);
    }

    @Test
    void aCampaignsConvertedBarOpensItsConvertedSends() throws IOException {
        browser.signIn(manager);
        browser.open("campaigns/" + campaignId);
        // the page counts conversions from the launch day to today, as the list behind the bar does
        JsonPath launched = as(manager).get("/api/v1/campaigns/" + campaignId).then().statusCode(200).extract().jsonPath();
        Map<String, String> filter = Map.of("campaignId", campaignId,
                "from", launched.getString("launchedAt").substring(0, 10), "to", range.get("to"));
        int conversions = as(manager).queryParams(filter).get("/api/v1/kpis").then().statusCode(200).extract()
                .jsonPath().getInt("rows[0].counts.conversions");
        assertThat(conversions).as("the deal_won campaign's converted sends").isEqualTo(2);
        browser.pressEnter("[data-figure=delivery-funnel] [data-bar='5']");
        check("kpi-drill", conversions, "/api/v1/kpis/conversions", filter, "sendId", "contactId", "conversions-");
    }

    /**
     * Checks the open panel (data-test testId): its count is clicked and the length of the API's whole list at path for
     * filter, its first page shows the list's first rows (linked by linkField), and its CSV (csvPrefix*.csv) holds
     * exactly the list's idField values. Returns the API's pages.
     */
    private static List<JsonPath> check(String testId, int clicked, String path, Map<String, String> filter,
                                        String idField, String linkField, String csvPrefix) throws IOException {
        String panel = "[data-test=" + testId + "] ";
        browser.awaitText(panel + "[data-test=drill-count]", text -> text.replace(",", "").equals(
                Integer.toString(clicked)));
        List<JsonPath> pages = new ArrayList<>();
        String after = null;
        do {
            var request = as(manager).queryParams(filter).queryParam("limit", 500);
            JsonPath page = (after == null ? request : request.queryParam("after", after)).get(path).then()
                    .statusCode(200).extract().jsonPath();
            pages.add(page);
            after = page.getString("nextCursor");
        } while (after != null);
        List<String> ids = pages.stream().flatMap(p -> p.<String>getList("items." + idField).stream()).toList();
        List<String> links = pages.stream().flatMap(p -> p.<String>getList("items." + linkField).stream()).toList();
        assertThat(ids).as("the API's list for " + filter + " has the clicked count").hasSize(clicked);
        browser.settle();
        List<WebElement> rows = browser.awaitCount(panel + "[data-test=drill-table] tbody tr", Math.min(25, clicked));
        List<String> shown = rows.stream().map(r -> r.findElement(By.cssSelector("td a")).getAttribute("href"))
                .map(href -> href.substring(href.lastIndexOf('/') + 1)).toList();
        assertThat(shown).as("the first page is the list's first rows").isEqualTo(links.subList(0, rows.size()));
        browser.find(panel + "[data-test=drill-csv]").click();
        Path csv = browser.awaitDownload(csvPrefix, ".csv");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        Files.delete(csv);
        assertThat(lines.get(0)).startsWith(idField + ",");
        assertThat(lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.indexOf(','))).toList())
                .as("the CSV holds exactly the list").containsExactlyElementsOf(ids);
        browser.screenshot("overview-" + csvPrefix.replaceAll("-$", "") + "-drill-1280");
        browser.click(panel + "[data-test=drill-close]");
        return pages;
    }
}
