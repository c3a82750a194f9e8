package io.chatroi.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.chatroi.e2e.E2e.as;
import static io.chatroi.e2e.E2e.key;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drill-downs behind the overview's rate and money tiles, the ROI page's cost bars and tiles, the campaign list's
 * counts and a campaign's variant counts, in a real browser against the demo workspace, as a manager: each click (by
 * mouse or Enter) opens a panel whose count is the number clicked (where the number is a count) and the length of
 * the API's full list for the same filter, whose first page is that list's first rows, and whose CSV holds exactly
 * that list; any console error fails the test.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(Stack.class)
class DashboardTileDrillBrowserTest {

    private static String manager;
    private static String campaignId;
    private static ZoneId zone;
    @RegisterExtension
    static final BrowserSession SESSION = new BrowserSession();
    private static Browser browser;

    @BeforeAll
    static void demoWorkspaceAndBrowser() throws Exception {
        DemoWorkspace.Demo demo = DemoWorkspace.load();
        manager = key("manager", null);
        campaignId = demo.campaignId();
        zone = demo.zone();
        browser = SESSION.browser();
    }

    private static int count(String css) {
        return (int) Double.parseDouble(browser.find(css).getAttribute("data-value"));
    }

    /** Runs a recompute to the end and answers the KPI row of from..to it wrote. */
    private static JsonPath recomputed(LocalDate from, LocalDate to) {
        String run = as(manager).contentType("application/json").body("{}").post("/api/v1/recompute")
                .then().statusCode(202).extract().header("Location");
        E2e.await("the recompute to succeed", java.time.Duration.ofMinutes(3), () -> "succeeded".equals(
                as(manager).get(run).then().extract().path("status")) ? true : null);
        return as(manager).queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/api/v1/kpis").then().statusCode(200).extract().jsonPath();
    }

    @Test
    @Order(1)
    void eachRateTileOpensTheSendsBehindItsNumerator() throws Exception {
        LocalDate today = LocalDate.now(zone);
        LocalDate from = today.minusDays(29);
        Map<String, String> sentWithin = Map.of("sentFrom", from.atStartOfDay(zone).toInstant().toString(),
                "sentTo", today.plusDays(1).atStartOfDay(zone).toInstant().toString());
        // the tiles count the last recompute and the lists are live: statuses of the sends the classes before this
        // one made can still come in after a recompute, so recompute until its counts and the live lists agree
        JsonPath kpis = E2e.await("a recompute that counts what the live lists hold", java.time.Duration.ofMinutes(3),
                () -> {
                    JsonPath counted = recomputed(from, today);
                    for (String stage : List.of("read", "clicked", "optedOut")) {
                        Map<String, String> filter = new HashMap<>(sentWithin);
                        filter.put("stage", stage);
                        if (DrillCheck.sends(manager, filter).ids().size() != counted.getInt("rows[0].counts." + stage)) {
                            return null;
                        }
                    }
                    return counted;
                });
        browser.signIn(manager);
        browser.open("overview");
        assertThat(kpis.getInt("rows[0].counts.read")).as("read sends in the last 30 days (the demo's)").isPositive();
        // tile -> the stage of its numerator (and the word the panel's heading shows); Enter on every other one
        String[][] tiles = {{"openRate", "read", "Read"}, {"replyRate", "replied", "Replied"},
                {"ctr", "clicked", "Clicked"}, {"optOutRate", "optedOut", "Opted out"}};
        boolean mouse = true;
        for (String[] tile : tiles) {
            int numerator = kpis.getInt("rows[0].counts." + tile[1]);
            String css = "[data-test=tiles] [data-kpi=" + tile[0] + "]";
            browser.find(css + ".drillable");
            if (mouse) {
                browser.click(css);
            } else {
                browser.pressEnter(css);
            }
            mouse = !mouse;
            Map<String, String> filter = new HashMap<>(sentWithin);
            filter.put("stage", tile[1]);
            // a reply can still come in for the demo's sends after the recompute (the list is live), and a reply
            // after the reply window is listed but not counted: the replied list holds at least the tile's numerator
            DrillCheck.sendsPanel(browser, manager, numerator, "/api/v1/sends", filter,
                    text -> text.contains(": " + tile[2] + ","), "sends-" + tile[1].toLowerCase(java.util.Locale.ROOT) + "-",
                    !tile[1].equals("replied"));
        }
        browser.find("[data-test=tile-drill-note]");
        browser.screenshot("overview-rate-drill-1280");
    }

    @Test
    @Order(2)
    void spendRoiAndRoasOpenTheCostsOfTheRange() throws Exception {
        LocalDate today = LocalDate.now(zone);
        Map<String, String> range = Map.of("from", today.minusDays(29).toString(), "to", today.toString());
        browser.click("[data-test=tiles] [data-kpi=spend]");
        int costs = DrillCheck.costsPanel(browser, manager, range, text -> text.startsWith("Costs: Spend, "),
                "costs-all-");
        assertThat(costs).as("costs entered this month and last (the demo's)").isPositive();
        for (String tile : List.of("roi", "roas")) {
            String css = "[data-test=tiles] [data-kpi=" + tile + "].drillable";
            browser.find(css);
            browser.pressEnter(css);
            String name = browser.find(css + " .label").getText();
            DrillCheck.costsPanel(browser, manager, range, text -> text.startsWith("Costs: " + name + ", "), "costs-all-");
        }
        browser.screenshot("overview-cost-drill-1280");
    }

    @Test
    @Order(3)
    void theRoiPagesCostBarsAndTotalOpenTheirCosts() throws Exception {
        LocalDate today = LocalDate.now(zone);
        String from = today.minusDays(89).toString();
        browser.open("roi");
        browser.find("[data-figure=cost-by-category] cr-chart");
        // an entered category (message_fees also holds the fees priced from sends), by its bar's button
        @SuppressWarnings("unchecked")
        Map<String, String> bar = (Map<String, String>) browser.script("const o = document.querySelector("
                + "\"[data-figure='cost-by-category'] cr-chart\").option; const cats = o.yAxis.data;"
                + " const i = cats.findIndex((c) => c !== 'message_fees'); return {index: String(i), category: cats[i]};");
        String category = bar.get("category");
        browser.pressEnter("[data-figure=cost-by-category] [data-bar='" + bar.get("index") + "']");
        int listed = DrillCheck.costsPanel(browser, manager, Map.of("from", from, "to", today.toString(), "category", category),
                text -> text.endsWith(": " + category), "costs-" + category.replace('_', '-'));
        assertThat(listed).as("the " + category + " costs the bar sums").isPositive();

        @SuppressWarnings("unchecked")
        List<String> kinds = (List<String>) browser.script("return document.querySelector("
                + "\"[data-figure='cost-by-kind'] cr-chart\").option.xAxis.data;");
        for (int i = 0; i < kinds.size(); i++) {
            String kind = kinds.get(i);
            browser.clickBar("cost-by-kind", i);
            DrillCheck.costsPanel(browser, manager, Map.of("from", from, "to", today.toString(), "kind", kind),
                    text -> text.endsWith(": " + kind), "costs-" + kind);
        }
        browser.click("[data-test=roi-tiles] [data-kpi=costTotal]");
        DrillCheck.costsPanel(browser, manager, Map.of("from", from, "to", today.toString()),
                text -> text.startsWith("Costs: Costs, "), "costs-all-");
        browser.screenshot("roi-cost-drill-1280");
    }

    @Test
    @Order(4)
    void aCampaignListCountAndAVariantCountOpenTheirSends() throws Exception {
        browser.open("campaigns");
        String row = "table[data-test=campaigns] tr[data-campaign='" + campaignId + "'] ";
        JsonPath campaign = as(manager).get("/api/v1/campaigns/" + campaignId).then().extract().jsonPath();
        for (String stage : List.of("delivered", "read")) {
            int n = campaign.getInt("counters." + stage);
            assertThat(browser.find(row + "[data-stage=" + stage + "]").getText().replace(",", ""))
                    .isEqualTo(Integer.toString(n));
            if (stage.equals("read")) {
                browser.pressEnter(row + "[data-stage=" + stage + "]");
            } else {
                browser.click(row + "[data-stage=" + stage + "]");
            }
            DrillCheck.sendsPanel(browser, manager, n, "/api/v1/campaigns/" + campaignId + "/sends",
                    Map.of("stage", stage), text -> text.endsWith(DemoWorkspace.CAMPAIGN + ": " + stage),
                    "sends-" + DemoWorkspace.CAMPAIGN.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        }
        browser.screenshot("campaigns-count-drill-1280");

        browser.open("campaigns/" + campaignId);
        String variant = campaign.<Map<String, Object>>getList("variants").get(0).get("key").toString();
        int sent = campaign.getInt("countersByVariant." + variant + ".sent");
        String css = "[data-test=variants-table] [data-variant='" + variant + "'][data-stage=sent]";
        browser.click(css);
        DrillCheck.sendsPanel(browser, manager, sent, "/api/v1/campaigns/" + campaignId + "/sends",
                Map.of("variant", variant, "stage", "sent"), text -> text.endsWith(": " + variant + ": sent"),
                "sends-" + variant.toLowerCase(java.util.Locale.ROOT));
        browser.screenshot("campaign-variant-drill-1280");
        browser.signOut();
    }
}
