package io.chatroi.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import static io.chatroi.e2e.E2e.key;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures that open their lists since issue 12, in a real browser: a point of the overview's messages-over-time
 * chart (the sends that went out that workspace day, at the line's stage: delivered, read, replied within the reply
 * window), by mouse and from the keyboard, as a manager; and on the contacts page the intent "unknown" bar and the
 * high-activity share line's two numbers, as an agent whose contacts this class creates (so nobody else's data is in
 * those tallies). Each panel's count is the number clicked and the length of the API's whole list for the same filter,
 * its first page that list's first rows, its CSV exactly that list. Any console error fails.
 *
 * <p>The chart counts the reports' last recompute while the sends list is live, and statuses of the sends earlier
 * classes made still come in: each point is read between two reads of its list taken around a recompute, and read
 * again (bounded) only when those two differ; when they agree, the panel must match them.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(Stack.class)
class DashboardChartDrillBrowserTest {

    private static final String FIGURE = "messages-over-time";
    /** The chart's lines in order, and the word each panel's heading names it by. */
    private static final List<String> SERIES = List.of("sent", "delivered", "read", "replied");
    private static final List<String> WORDS = List.of("Sent", "Delivered", "Read", "Replied");
    private static final int MOUSE = -1;
    private static final String OWNER = "Chart Drill " + UUID.randomUUID().toString().substring(0, 8);

    private static String manager;
    private static ZoneId zone;
    private static int replyWindowDays;
    @RegisterExtension
    static final BrowserSession SESSION = new BrowserSession();
    private static Browser browser;

    @BeforeAll
    static void demoWorkspaceAndBrowser() throws Exception {
        DemoWorkspace.Demo demo = DemoWorkspace.load();
        manager = key("manager", null);
        zone = demo.zone();
        replyWindowDays = as(manager).get("/api/v1/settings").then().statusCode(200).extract().path("replyWindowDays");
        browser = SESSION.browser();
    }

    /** What a point of line series on day counts, as /api/v1/sends filters it. */
    private static Map<String, String> pointFilter(int series, LocalDate day) {
        Map<String, String> filter = new HashMap<>(Map.of("sentFrom", day.atStartOfDay(zone).toInstant().toString(),
                "sentTo", day.plusDays(1).atStartOfDay(zone).toInstant().toString()));
        if (series > 0) {
            filter.put("stage", SERIES.get(series));
        }
        if (SERIES.get(series).equals("replied")) {
            filter.put("repliedWithinDays", Integer.toString(replyWindowDays));
        }
        return filter;
    }

    private static void recompute() {
        String run = as(manager).contentType("application/json").body("{}").post("/api/v1/recompute")
                .then().statusCode(202).extract().header("Location");
        E2e.await("the recompute to succeed", Duration.ofMinutes(3), () -> "succeeded".equals(
                as(manager).get(run).then().extract().path("status")) ? true : null);
    }

    @Test
    @Order(1)
    void aPointOfEachLineOpensTheSendsThatWentOutThatDayAtItsStage() {
        LocalDate today = LocalDate.now(zone);
        browser.signIn(manager);
        // a mouse click on the sent line's point (the line it hits is read from the panel: lines of equal value
        // overlap), then each line's point from the keyboard
        List<Integer> pending = new ArrayList<>(List.of(MOUSE, 0, 1, 2, 3));
        E2e.await("every point read while its list stood still", Duration.ofMinutes(6), () -> {
            try {
                observe(today, pending);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return pending.isEmpty() ? true : null;
        });
    }

    /**
     * One round: each line's list, a recompute, the overview drawn from it, and each pending observation's panel
     * checked against its list when a second read of that list finds it unchanged (else left pending).
     */
    private static void observe(LocalDate today, List<Integer> pending) throws IOException {
        List<DrillCheck.ListedSends> before = new ArrayList<>();
        for (int series = 0; series < SERIES.size(); series++) {
            before.add(DrillCheck.sends(manager, pointFilter(series, today)));
        }
        recompute();
        // a fresh page (the key stays in the tab's session), so the chart is drawn from this recompute
        browser.driver.get("about:blank");
        browser.open("overview");
        String chart = "document.querySelector(\"[data-figure='" + FIGURE + "'] cr-chart\")";
        browser.find("[data-figure='" + FIGURE + "'] cr-chart");
        int index = E2e.await("today on the chart", Browser.WAIT, () -> {
            Object at = browser.script("const c = " + chart + "; return c && c.option.xAxis ? c.option.xAxis.data"
                    + ".indexOf(arguments[0]) : -1;", today.toString());
            return at instanceof Number n && n.intValue() >= 0 ? n.intValue() : null;
        });
        assertThat(value(chart, index, 0)).as("sends that went out today (the demo's)").isPositive();
        for (Integer observation : List.copyOf(pending)) {
            if (observation == MOUSE) {
                browser.clickPoint(FIGURE, index, 0);
            } else {
                String keys = "[data-figure='" + FIGURE + "'] [data-test=point-keys]";
                if (!Boolean.TRUE.equals(browser.script("return document.querySelector(arguments[0]).open;", keys))) {
                    browser.pressEnter(keys + " summary");
                }
                browser.pressEnter(keys + " [data-point='" + index + ":" + observation + "']");
            }
            DrillCheck.SendsPanel seen = DrillCheck.readSendsPanel(browser, text -> text.endsWith(", " + today),
                    "sends-");
            int series = WORDS.indexOf(seen.heading().substring(seen.heading().indexOf(": ") + 2,
                    seen.heading().lastIndexOf(", ")));
            assertThat(series).as("the line the panel names: " + seen.heading()).isNotNegative();
            if (observation != MOUSE) {
                assertThat(series).as("the line whose point was opened").isEqualTo(observation);
            }
            browser.click("[data-test=drill] [data-test=drill-close]");
            browser.awaitCount("[data-test=drill]", 0);
            DrillCheck.ListedSends after = DrillCheck.sends(manager, pointFilter(series, today));
            if (after.ids().equals(before.get(series).ids())) {
                DrillCheck.assertSendsPanel(seen, value(chart, index, series), after, SERIES.get(series) + " " + today);
                pending.remove(observation);
            }
        }
        if (pending.isEmpty()) {
            try {
                browser.screenshot("overview-day-drill-1280");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The value the chart draws for line series at category index. */
    private static int value(String chart, int index, int series) {
        return ((Number) browser.script("return " + chart + ".option.series[arguments[0]].data[arguments[1]];",
                series, index)).intValue();
    }

    @Test
    @Order(2)
    void theUnknownIntentBarAndTheHighActivityLinesNumbersOpenTheirContacts() throws Exception {
        String agent = key("agent", OWNER);
        List<String> unknown = new ArrayList<>();
        unknown.add(contact("untouched 1"));
        unknown.add(contact("untouched 2"));
        String wrote = contact("wrote hello");
        interaction(wrote, "inbound", "hello");
        unknown.add(wrote);
        interaction(contact("messaged, no reply"), "outbound", "Our new catalogue");
        interaction(contact("asked the price"), "inbound", "price please");

        browser.signIn(agent);
        browser.open("contacts");
        browser.find("[data-figure=intent-tiers] cr-chart");
        @SuppressWarnings("unchecked")
        Map<String, Object> bar = (Map<String, Object>) browser.script("const o = document.querySelector("
                + "\"[data-figure='intent-tiers'] cr-chart\").option; const i = o.xAxis.data.indexOf('unknown');"
                + " return {index: i, contacts: i < 0 ? 0 : o.series[0].data[i]};");
        int index = ((Number) bar.get("index")).intValue();
        assertThat(index).as("the intent chart has an unknown bar").isNotNegative();
        assertThat(((Number) bar.get("contacts")).intValue()).as("the agent's contacts nothing is known about")
                .isEqualTo(unknown.size());
        browser.clickBar("intent-tiers", index);
        DrillCheck.contactsPanel(browser, agent, unknown.size(), Map.of("intent", "unknown"),
                "contacts-intent-unknown", OWNER);
        assertThat(DrillCheck.contacts(agent, Map.of("intent", "unknown")).ids())
                .containsExactlyInAnyOrderElementsOf(unknown);
        assertThat(browser.all("[data-test=contact-drill] [data-test=drill-table] tbody tr td:nth-child(7)"))
                .allMatch(td -> td.getText().equals("–"));
        browser.screenshot("contacts-intent-unknown-drill-1280");
        browser.click("[data-test=contact-drill] [data-test=drill-close]");
        browser.awaitCount("[data-test=contact-drill]", 0);
        // the customer classes of listed contacts: none is only an erased contact's, which the page never lists
        @SuppressWarnings("unchecked")
        List<String> classes = (List<String>) browser.script("return document.querySelector("
                + "\"[data-figure='customer-class'] cr-chart\").option.xAxis.data;");
        assertThat(classes).containsExactly("C");

        // the share line: its high-activity count (the two that wrote today) and its total
        assertThat(browser.find("[data-test=high-share-open]").getAttribute("data-value")).isEqualTo("2");
        browser.click("[data-test=high-share-open]");
        DrillCheck.contactsPanel(browser, agent, 2, Map.of("activity", "high"), "contacts-high-activity", OWNER);
        browser.click("[data-test=contact-drill] [data-test=drill-close]");
        browser.awaitCount("[data-test=contact-drill]", 0);
        browser.pressEnter("[data-test=contact-total-open]");
        DrillCheck.contactsPanel(browser, agent, 5, Map.of(), "contacts-all-contacts", OWNER);
        browser.signOut();
    }

    private static String contact(String name) {
        String phone = "+4930" + (1_000_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 899_999_999L));
        return as(manager).contentType("application/json").body(Map.of("phone", phone, "name", name, "owner", OWNER))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
    }

    private static void interaction(String contactId, String direction, String text) {
        as(manager).contentType("application/json").body(Map.of("direction", direction, "text", text,
                "at", Instant.now().toString())).post("/api/v1/contacts/" + contactId + "/interactions")
                .then().statusCode(201);
    }
}
