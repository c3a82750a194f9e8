package io.chatroi.e2e;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.chatroi.e2e.E2e.as;
import static io.chatroi.e2e.E2e.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The dashboard in a real browser (Debian's headless chromium) against the e2e stack, loaded with the demo
 * workspace (dev/demo-data through the gateway): a manager and an agent sign in, open every page, and a number on
 * each page is compared with what the API answers for the same query; the list behind a bar (a campaign's sends, the
 * contacts of a tier, of a funnel stage, of a tile) opens, by mouse and by keyboard, and its CSV is downloaded; the
 * agent sees only its own records; any console error fails the test. Runs after the other e2e
 * classes (the demo data would change the totals they assert). Screenshots go to e2e/target/screenshots/.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(Stack.class)
class DashboardBrowserTest {

    private static final String AGENT_OWNER = "Li Si";
    private static String manager;
    private static String agent;
    private static String campaignId;
    private static ZoneId zone;
    @RegisterExtension
    static final BrowserSession SESSION = new BrowserSession();
    private static Browser browser;

    @BeforeAll
    static void demoWorkspaceAndBrowser() throws Exception {
        DemoWorkspace.Demo demo = DemoWorkspace.load();
        manager = key("manager", null);
        agent = key("agent", AGENT_OWNER);
        campaignId = demo.campaignId();
        zone = demo.zone();
        browser = SESSION.browser();
    }

    private static double value(String css) {
        return Double.parseDouble(browser.find(css).getAttribute("data-value"));
    }

    @Test
    @Order(1)
    void managerOverviewTilesEqualTheKpisOfTheSameRange() throws Exception {
        browser.signIn(manager);
        assertThat(browser.find("[data-test=who]").getText()).contains("manager");
        browser.open("overview");
        browser.find("[data-test=tiles] [data-kpi=sent]");
        LocalDate today = LocalDate.now(zone);
        JsonPath kpis = as(manager).queryParam("from", today.minusDays(29).toString()).queryParam("to", today.toString())
                .get("/api/v1/kpis").then().statusCode(200).extract().jsonPath();
        assertThat(value("[data-kpi=sent]")).isEqualTo(kpis.getDouble("rows[0].counts.sent")).isPositive();
        assertThat(value("[data-kpi=openRate]")).isCloseTo(kpis.getDouble("rows[0].kpis.openRate.value"), within(1e-9));
        assertThat(browser.find("[data-kpi=openRate]").getAttribute("class"))
                .contains(kpis.getString("rows[0].kpis.openRate.rating"));
        browser.find("[data-figure=funnel]");
        assertThat(browser.find("[data-test=largest-drop]").getText()).contains("→");
        browser.find("[data-test=alerts]");
        browser.screenshot("overview-1280");
    }

    @Test
    @Order(2)
    void campaignListAndPageShowTheLiveCounters() throws Exception {
        browser.open("campaigns");
        assertThat(browser.find("table[data-test=campaigns]").getText()).contains("LED spring promotion");
        browser.open("campaigns/" + campaignId);
        JsonPath campaign = as(manager).get("/api/v1/campaigns/" + campaignId).then().extract().jsonPath();
        assertThat(browser.find("[data-test=campaign-name]").getText()).isEqualTo("LED spring promotion");
        assertThat(browser.find("[data-counter=sent] .value").getText().replace(",", ""))
                .isEqualTo(Integer.toString(campaign.getInt("counters.sent")));
        assertThat(browser.find("[data-test=verdict]").getText()).isNotBlank();
        browser.screenshot("campaign-1280");
    }

    @Test
    @Order(3)
    void theListBehindTheDeliveredBarOpensAndItsCsvDownloads() throws Exception {
        int delivered = as(manager).get("/api/v1/campaigns/" + campaignId).then().extract().path("counters.delivered");
        browser.clickBar("delivery-funnel", 1);
        WebElement count = browser.find("[data-test=drill] [data-test=drill-count]");
        assertThat(count.getText().replace(",", "")).isEqualTo(Integer.toString(delivered));
        // the page holds what the API lists for the same filter, read on the server 25 at a time
        List<String> firstPhones = as(manager).get("/api/v1/campaigns/" + campaignId + "/sends?stage=delivered&limit=25")
                .then().statusCode(200).extract().jsonPath().getList("items.phone");
        assertThat(browser.awaitCount("[data-test=drill-table] tbody tr", Math.min(25, delivered)))
                .hasSize(Math.min(25, delivered));
        assertThat(browser.find("[data-test=drill-table] tbody tr:first-child td").getText()).isEqualTo(firstPhones.get(0));
        browser.find("[data-test=drill-csv]").click();
        Path csv = browser.awaitDownload(".csv");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("send_id,contact_id,phone,variant,status");
        assertThat(lines.get(1)).contains(firstPhones.get(0));
        assertThat(lines).hasSize(delivered + 1);
        browser.screenshot("campaign-drill-1280");
    }

    @Test
    @Order(4)
    void roiTeamContactsAndFollowUpsEqualTheApi() throws Exception {
        LocalDate today = LocalDate.now(zone);
        browser.open("roi");
        JsonPath roi = as(manager).queryParam("from", today.minusDays(89).toString()).queryParam("to", today.toString())
                .get("/api/v1/roi").then().statusCode(200).extract().jsonPath();
        assertThat(value("[data-test=roi-tiles] [data-kpi=roi]")).isCloseTo(roi.getDouble("kpis.roi.value"), within(1e-9));
        assertThat(browser.find("[data-test=basis]").getText()).isEqualTo(roi.getString("basis"));
        browser.find("table[data-test=costs]");
        browser.screenshot("roi-1280");

        browser.open("team");
        JsonPath cards = as(manager).get("/api/v1/scorecards").then().statusCode(200).extract().jsonPath();
        for (Map<String, Object> row : cards.<Map<String, Object>>getList("rows")) {
            String score = browser.find("table[data-test=scorecards] tr[data-owner='" + row.get("owner") + "'] [data-test=score]").getText();
            assertThat(Double.parseDouble(score)).isCloseTo(((Number) row.get("score")).doubleValue(), within(1e-9));
        }

        browser.open("contacts");
        int contacts = as(manager).get("/api/v1/contacts?limit=500").then().extract().jsonPath().getList("items").size();
        assertThat(browser.find("[data-test=contact-total]").getText()).isEqualTo(Integer.toString(contacts));
        browser.find("[data-figure=activity-tiers]");
        browser.find("table[data-test=contacts] tbody tr a").click();
        browser.settle();
        assertThat(browser.find("[data-test=contact-phone]").getText()).startsWith("+");
        // a contact whose messages moved its tiers shows those moves, as the API lists them
        String tiered = as(manager).get("/api/v1/contacts?limit=500").then().extract().jsonPath().<String>getList("items.id")
                .stream().filter(id -> !as(manager).get("/api/v1/contacts/" + id + "/tier-history?limit=1").then()
                        .statusCode(200).extract().jsonPath().getList("items").isEmpty()).findFirst().orElseThrow();
        List<String> moves = as(manager).get("/api/v1/contacts/" + tiered + "/tier-history?limit=100").then()
                .extract().jsonPath().getList("items.tier");
        String phone = as(manager).get("/api/v1/contacts/" + tiered).then().statusCode(200).extract().path("phone");
        browser.open("contacts/" + tiered);
        // only the hash changed: wait for this contact's page before counting its rows
        browser.awaitText("[data-test=contact-phone]", phone::equals);
        assertThat(browser.awaitCount("table[data-test=tier-history] tbody tr", moves.size())).hasSize(moves.size());
        assertThat(browser.find("table[data-test=tier-history] tbody tr:first-child td:nth-child(4)").getText())
                .isEqualTo(moves.get(0));
        browser.screenshot("contact-1280");

        browser.open("follow-ups");
        int overdue = as(manager).get("/api/v1/follow-ups?limit=500").then().extract().jsonPath().getList("items").size();
        assertThat(browser.find("[data-test=overdue-count]").getText()).isEqualTo(Integer.toString(overdue));
        browser.signOut();
        assertThat(browser.script("return sessionStorage.length")).isEqualTo(0L);
    }

    @Test
    @Order(5)
    void theContactsBehindATierBarOpenWithTheBarsCountAndTheirCsvAndAnAgentGetsOnlyItsOwn() throws Exception {
        for (String key : List.of(manager, agent)) {
            // a late status or interaction moving one contact between the page's tally and the API's list is retried
            MovingData.retryIfMoved("the contacts' tiers", () -> MovingData.contactTiers(key), 3,
                    () -> intentBarOpensItsContacts(key));
            browser.signOut();
        }
    }

    private static void intentBarOpensItsContacts(String key) throws Exception {
        browser.signIn(key);
        browser.open("contacts");
        browser.find("[data-figure=intent-tiers] cr-chart");
        // the largest intent tier the list can filter by ("unknown": nothing known about the intent yet), and
        // the number its bar stands for
        @SuppressWarnings("unchecked")
        Map<String, Object> bar = (Map<String, Object>) browser.script("const o = document.querySelector("
                + "\"[data-figure='intent-tiers'] cr-chart\").option;"
                + " const i = o.xAxis.data.findIndex((t) => t !== 'unknown');"
                + " return {index: i, tier: o.xAxis.data[i], contacts: o.series[0].data[i]};");
        int index = ((Number) bar.get("index")).intValue();
        String tier = (String) bar.get("tier");
        int contacts = ((Number) bar.get("contacts")).intValue();
        assertThat(contacts).isPositive();
        browser.clickBar("intent-tiers", index);
        DrillCheck.contactsPanel(browser, key, contacts, Map.of("intent", tier), "contacts-intent-" + tier,
                key.equals(agent) ? AGENT_OWNER : null);
        assertThat(browser.all("[data-test=contact-drill] [data-test=drill-table] tbody tr td:nth-child(7)"))
                .allMatch(td -> td.getText().equals(tier));
        browser.screenshot(key.equals(agent) ? "agent-contact-drill-1280" : "contact-drill-1280");
    }

    @Test
    @Order(6)
    void aFunnelStageAndATileOpenTheirListFromTheKeyboardWithItsCsvAndAnAgentGetsOnlyItsOwn() throws Exception {
        browser.signIn(manager);
        browser.open("overview");
        LocalDate today = LocalDate.now(zone);
        LocalDate from = today.minusDays(29);
        int reach = as(manager).queryParam("from", from.toString()).queryParam("to", today.toString())
                .get("/api/v1/funnel").then().statusCode(200).extract().path("stages[0].count");
        assertThat(reach).as("contacts added in the last 30 days (the demo's)").isPositive();
        browser.pressEnter("[data-figure=funnel] [data-bar='0']");
        // the funnel's reach is the contacts created within the range's workspace days (both ends exclusive)
        DrillCheck.contactsPanel(browser, manager, reach, Map.of(
                "createdAfter", from.atStartOfDay(zone).toInstant().minusNanos(1000).toString(),
                "createdBefore", today.plusDays(1).atStartOfDay(zone).toInstant().toString()),
                "contacts-reach-added-in-the-range", null);
        browser.screenshot("overview-funnel-drill-1280");

        // the sent tile (mouse) and the delivered tile (Enter) open the sends that went out on the range's workspace
        // days, [first day's start, the day after the last's start), at the tile's stage
        Map<String, String> sentWithin = Map.of("sentFrom", from.atStartOfDay(zone).toInstant().toString(),
                "sentTo", today.plusDays(1).atStartOfDay(zone).toInstant().toString());
        int sent = (int) Double.parseDouble(browser.find("[data-test=tiles] [data-kpi=sent]").getAttribute("data-value"));
        assertThat(sent).as("messages sent in the last 30 days (the demo's)").isPositive();
        browser.click("[data-test=tiles] [data-kpi=sent]");
        DrillCheck.sendsPanel(browser, manager, sent, sentWithin, "Sent", "sends-sent-");
        int delivered = (int) Double.parseDouble(browser.find("[data-test=tiles] [data-kpi=delivered]").getAttribute("data-value"));
        browser.pressEnter("[data-test=tiles] [data-kpi=delivered]");
        Map<String, String> deliveredWithin = new java.util.HashMap<>(sentWithin);
        deliveredWithin.put("stage", "delivered");
        DrillCheck.sendsPanel(browser, manager, delivered, deliveredWithin, "Delivered", "sends-delivered-");
        browser.screenshot("overview-sent-drill-1280");

        // the campaign's delivery funnel from the keyboard: the read bar's button
        int read = as(manager).get("/api/v1/campaigns/" + campaignId).then().extract().path("counters.read");
        browser.open("campaigns/" + campaignId);
        browser.pressEnter("[data-figure=delivery-funnel] [data-bar='2']");
        browser.awaitText("[data-test=drill] h2", text -> text.endsWith(": read"));
        assertThat(browser.find("[data-test=drill] [data-test=drill-count]").getText().replace(",", ""))
                .isEqualTo(Integer.toString(read));
        browser.signOut();

        for (String key : List.of(manager, agent)) {
            String owner = key.equals(agent) ? AGENT_OWNER : null;
            browser.signIn(key);
            browser.open("contacts");
            int customers = Integer.parseInt(browser.find("[data-test=contact-tiles] [data-kpi=customers]").getAttribute("data-value"));
            browser.pressEnter("[data-test=contact-tiles] [data-kpi=customers]");
            DrillCheck.contactsPanel(browser, key, customers, Map.of("stages", List.of("customer", "repeat_customer")),
                    "contacts-customers", owner);
            // the fullest stage of the pipeline, clicked where ECharts drew its bar
            @SuppressWarnings("unchecked")
            Map<String, Object> bar = (Map<String, Object>) browser.script("const o = document.querySelector("
                    + "\"[data-figure='pipeline-stages'] cr-chart\").option; const d = o.series[0].data;"
                    + " const i = d.indexOf(Math.max(...d)); return {index: i, stage: o.xAxis.data[i], contacts: d[i]};");
            String stage = (String) bar.get("stage");
            int contacts = ((Number) bar.get("contacts")).intValue();
            browser.clickBar("pipeline-stages", ((Number) bar.get("index")).intValue());
            DrillCheck.contactsPanel(browser, key, contacts, Map.of("stages", stage),
                    "contacts-stage-" + stage.replace('_', '-'), owner);
            browser.screenshot(owner == null ? "contacts-stage-drill-1280" : "agent-contacts-stage-drill-1280");
            browser.signOut();
        }
    }

    @Test
    @Order(7)
    void anAgentSeesOnlyItsOwnRecordsAndItsRole() throws Exception {
        browser.signIn(agent);
        browser.settle();
        assertThat(browser.all("header.top nav a").stream().map(a -> a.getAttribute("data-nav")).toList())
                .containsExactly("follow-ups", "team", "contacts");
        // follow-ups is the agent's home page
        browser.find("[data-test=overdue-count]");
        int overdue = as(agent).get("/api/v1/follow-ups?limit=500").then().extract().jsonPath().getList("items").size();
        assertThat(browser.find("[data-test=overdue-count]").getText()).isEqualTo(Integer.toString(overdue));
        assertThat(browser.all("table[data-test=overdue] tbody tr td:nth-child(3)")).allMatch(td -> td.getText().equals(AGENT_OWNER));

        browser.open("contacts");
        List<Object> own = as(agent).get("/api/v1/contacts?limit=500").then().extract().jsonPath().getList("items.owner");
        assertThat(own).isNotEmpty().allMatch(AGENT_OWNER::equals);
        assertThat(browser.find("[data-test=contact-total]").getText()).isEqualTo(Integer.toString(own.size()));
        assertThat(browser.all("table[data-test=contacts] tbody tr td:nth-child(5)")).isNotEmpty()
                .allMatch(td -> td.getText().equals(AGENT_OWNER));
        browser.screenshot("agent-contacts-1280");

        browser.open("team");
        assertThat(browser.all("table[data-test=scorecards] tbody tr").stream().map(r -> r.getAttribute("data-owner")).toList())
                .containsExactly(AGENT_OWNER);

        browser.open("overview");
        assertThat(browser.find(".state.forbidden").getText()).contains("Not in your role");
        browser.signOut();
    }

    @Test
    @Order(8)
    void aPhoneWideScreenShowsTheOverview() throws Exception {
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.signIn(manager);
        browser.open("overview");
        browser.find("[data-kpi=sent]");
        long overflow = (Long) browser.script("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow).as("no sideways scrolling at 390 px").isLessThanOrEqualTo(0L);
        browser.screenshot("overview-390");
        browser.signOut();
    }

    /**
     * Not a check: with CHATROI_E2E_FIRST_SCREEN_RUNS set, runs bench/dashboard-first-screen.sh (page weight and the
     * overview's first screen in chromium) against this stack's demo as the manager, output in
     * e2e/target/first-screen.txt, for bench/RESULTS.md. The figures are recorded, never asserted.
     */
    @Test
    @Order(9)
    void firstScreenBenchAgainstTheDemoWhenAsked() throws Exception {
        String runs = System.getenv("CHATROI_E2E_FIRST_SCREEN_RUNS");
        Assumptions.assumeTrue(runs != null && runs.matches("[0-9]+"), "CHATROI_E2E_FIRST_SCREEN_RUNS not set");
        Path out = Services.root().resolve("e2e/target/first-screen.txt");
        Process bench = new ProcessBuilder("bash", Services.root().resolve("bench/dashboard-first-screen.sh").toString(),
                "http://127.0.0.1:" + Services.GATEWAY, manager, runs).directory(Services.root().toFile())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(bench.waitFor(10, TimeUnit.MINUTES)).as("the bench finished (" + out + ")").isTrue();
        assertThat(bench.exitValue()).as("the bench's exit code (" + out + ")").isZero();
    }
}
