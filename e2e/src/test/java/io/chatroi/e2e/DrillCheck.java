package io.chatroi.e2e;

import io.restassured.path.json.JsonPath;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.chatroi.e2e.E2e.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user checks in a drill-down panel of the dashboard once a bar, tile or count opened it: the panel's count is
 * the number clicked and what the API lists for the same filter, the first page holds that list's first rows (25 at
 * most), and the CSV it downloads holds exactly the listed contacts or sends; for an agent, only its own.
 */
final class DrillCheck {

    private DrillCheck() {
    }

    /** The contacts the API lists for filter, every page read (ids and owners in list order). */
    record Listed(List<String> ids, List<String> owners) {
    }

    static Listed contacts(String key, Map<String, ?> filter) {
        List<JsonPath> pages = pages(key, "/api/v1/contacts", filter);
        return new Listed(field(pages, "items.id"), field(pages, "items.owner"));
    }

    /** Every page the API answers at path for filter (a collection value repeats its parameter), 500 at a time. */
    private static List<JsonPath> pages(String key, String path, Map<String, ?> filter) {
        List<JsonPath> pages = new ArrayList<>();
        String after = null;
        do {
            var request = as(key).queryParam("limit", 500);
            filter.forEach((name, value) -> {
                if (value instanceof java.util.Collection<?> values) {
                    request.queryParam(name, values);
                } else {
                    request.queryParam(name, value);
                }
            });
            JsonPath page = (after == null ? request : request.queryParam("after", after))
                    .get(path).then().statusCode(200).extract().jsonPath();
            pages.add(page);
            after = page.getString("nextCursor");
        } while (after != null);
        return pages;
    }

    private static List<String> field(List<JsonPath> pages, String path) {
        return pages.stream().flatMap(page -> page.<String>getList(path).stream()).toList();
    }

    /**
     * Checks the contacts panel opened for clicked (the number the bar or tile showed), whose list the API answers
     * for filter, and its CSV, saved as csvPrefix*.csv; ownerOnly, when not null, is the only owner allowed.
     */
    static void contactsPanel(Browser browser, String key, int clicked, Map<String, ?> filter, String csvPrefix,
                              String ownerOnly) throws IOException {
        String panel = "[data-test=contact-drill] ";
        browser.awaitText(panel + "h2", text -> text.toLowerCase(java.util.Locale.ROOT).endsWith(labelOf(csvPrefix)));
        assertThat(browser.awaitText(panel + "[data-test=drill-count]", text -> !text.isEmpty()).replace(",", ""))
                .isEqualTo(Integer.toString(clicked));
        Listed listed = contacts(key, filter);
        assertThat(listed.ids()).as("the API's list for " + filter).hasSize(clicked);
        browser.settle();
        List<WebElement> rows = browser.all(panel + "[data-test=drill-table] tbody tr");
        assertThat(rows).hasSize(Math.min(25, clicked));
        List<String> shown = rows.stream().map(r -> r.findElement(By.cssSelector("td a")).getAttribute("href"))
                .map(href -> href.substring(href.lastIndexOf('/') + 1)).toList();
        assertThat(shown).as("the first page is the list's first rows").isEqualTo(listed.ids().subList(0, rows.size()));
        browser.find(panel + "[data-test=drill-csv]").click();
        Path csv = browser.awaitDownload(csvPrefix, ".csv");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        Files.delete(csv);
        assertThat(lines.get(0)).startsWith("id,phone,name");
        assertThat(lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.indexOf(','))).toList())
                .as("the CSV holds exactly the list's contacts").containsExactlyInAnyOrderElementsOf(listed.ids());
        if (ownerOnly != null) {
            assertThat(listed.owners()).allMatch(ownerOnly::equals);
            assertThat(rows).allMatch(r -> r.findElement(By.cssSelector("td:nth-child(4)")).getText().equals(ownerOnly));
        }
    }

    /** Sends as the API lists them: their ids and their contacts, in list order. */
    record ListedSends(List<String> ids, List<String> contactIds) {
    }

    /** The sends /api/v1/sends lists for filter, every page read. */
    static ListedSends sends(String key, Map<String, String> filter) {
        return sends(key, "/api/v1/sends", filter);
    }

    /** The sends a sends list (every campaign's, or one campaign's) answers for filter, every page read. */
    static ListedSends sends(String key, String path, Map<String, String> filter) {
        List<JsonPath> pages = pages(key, path, filter);
        return new ListedSends(field(pages, "items.id"), field(pages, "items.contactId"));
    }

    /**
     * Checks the sends panel a count tile opened (heading starting with label, count clicked) against the sends the
     * API lists for filter, and its CSV, saved as csvPrefix*.csv.
     */
    static void sendsPanel(Browser browser, String key, int clicked, Map<String, String> filter, String label,
                           String csvPrefix) throws IOException {
        sendsPanel(browser, key, clicked, "/api/v1/sends", filter, text -> text.contains(": " + label + ","), csvPrefix);
    }

    /** As {@link #sendsPanel(Browser, String, int, String, Map, java.util.function.Predicate, String)}, exactly. */
    static void sendsPanel(Browser browser, String key, int clicked, String path, Map<String, String> filter,
                           java.util.function.Predicate<String> heading, String csvPrefix) throws IOException {
        sendsPanel(browser, key, clicked, path, filter, heading, csvPrefix, true);
    }

    /**
     * Checks the sends panel opened for clicked sends (its heading passing heading) against what path lists for
     * filter: the count, the first page's rows in list order, and the CSV (csvPrefix*.csv) holding exactly the list.
     * Not exact: the number clicked comes from the reports' last recompute while the list is live, so the list may
     * hold more (sends that reached the stage since).
     */
    static void sendsPanel(Browser browser, String key, int clicked, String path, Map<String, String> filter,
                           java.util.function.Predicate<String> heading, String csvPrefix, boolean exact)
            throws IOException {
        String panel = "[data-test=drill] ";
        browser.awaitText(panel + "h2", heading);
        assertThat(browser.awaitText(panel + "[data-test=drill-count]", text -> !text.isEmpty()).replace(",", ""))
                .isEqualTo(Integer.toString(clicked));
        ListedSends listed = sends(key, path, filter);
        if (exact) {
            assertThat(listed.ids()).as("the API's list for " + filter + " has the clicked count").hasSize(clicked);
        } else {
            assertThat(listed.ids()).as("the API's live list for " + filter + " holds at least the clicked count")
                    .hasSizeGreaterThanOrEqualTo(clicked);
        }
        browser.settle();
        List<WebElement> rows = browser.all(panel + "[data-test=drill-table] tbody tr");
        assertThat(rows).hasSize(Math.min(25, listed.ids().size()));
        List<String> shown = rows.stream().map(r -> r.findElement(By.cssSelector("td a")).getAttribute("href"))
                .map(href -> href.substring(href.lastIndexOf('/') + 1)).toList();
        assertThat(shown).as("the first page is the list's first rows")
                .isEqualTo(listed.contactIds().subList(0, rows.size()));
        browser.find(panel + "[data-test=drill-csv]").click();
        Path csv = browser.awaitDownload(csvPrefix, ".csv");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        Files.delete(csv);
        assertThat(lines.get(0)).startsWith("send_id,contact_id,phone");
        assertThat(lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.indexOf(','))).toList())
                .as("the CSV holds exactly the list's sends").containsExactlyInAnyOrderElementsOf(listed.ids());
    }

    /** What a sends panel showed: its heading, its count, the contacts its first page links to, its CSV's send ids. */
    record SendsPanel(String heading, int count, List<String> firstPageContacts, List<String> csvIds) {
    }

    /**
     * Reads the sends panel once its heading passes heading, asserting nothing about the list: for a caller that must
     * first know whether the live list moved while the panel was read. The CSV is saved as csvPrefix*.csv and deleted.
     */
    static SendsPanel readSendsPanel(Browser browser, java.util.function.Predicate<String> heading, String csvPrefix)
            throws IOException {
        String panel = "[data-test=drill] ";
        String title = browser.awaitText(panel + "h2", heading);
        int count = Integer.parseInt(browser.awaitText(panel + "[data-test=drill-count]", text -> !text.isEmpty())
                .replace(",", ""));
        browser.settle();
        List<String> shown = browser.all(panel + "[data-test=drill-table] tbody tr").stream()
                .map(r -> r.findElement(By.cssSelector("td a")).getAttribute("href"))
                .map(href -> href.substring(href.lastIndexOf('/') + 1)).toList();
        browser.find(panel + "[data-test=drill-csv]").click();
        Path csv = browser.awaitDownload(csvPrefix, ".csv");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        Files.delete(csv);
        assertThat(lines.get(0)).startsWith("send_id,contact_id,phone");
        List<String> ids = lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.indexOf(','))).toList();
        return new SendsPanel(title, count, shown, ids);
    }

    /**
     * Checks a sends panel read while the API's list stayed listed (the same before and after): its count is the
     * number clicked and the list's length, its first page the list's first rows (25 at most), its CSV exactly the list.
     */
    static void assertSendsPanel(SendsPanel seen, int clicked, ListedSends listed, String what) {
        assertThat(seen.count()).as(what + ": the panel's count is the number clicked").isEqualTo(clicked);
        assertThat(listed.ids()).as(what + ": the API's list has the clicked count").hasSize(clicked);
        assertThat(seen.firstPageContacts()).as(what + ": the first page is the list's first rows")
                .isEqualTo(listed.contactIds().subList(0, Math.min(25, listed.ids().size())));
        assertThat(seen.csvIds()).as(what + ": the CSV holds exactly the list's sends")
                .containsExactlyInAnyOrderElementsOf(listed.ids());
    }

    /** Costs as /api/v1/costs lists them: ids and what the panel shows of each (category, periodStart), in order. */
    record ListedCosts(List<String> ids, List<String> shown) {
    }

    static ListedCosts costs(String key, Map<String, String> filter) {
        List<JsonPath> pages = pages(key, "/api/v1/costs", filter);
        List<String> categories = field(pages, "items.category");
        List<String> starts = field(pages, "items.periodStart");
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            shown.add(categories.get(i) + " " + starts.get(i));
        }
        return new ListedCosts(field(pages, "items.id"), shown);
    }

    /**
     * Checks the costs panel (heading ending in a label that heading accepts) against the costs the API lists for
     * filter: the panel's count is the list's length, its first page the list's first rows, its CSV exactly the list.
     * Returns the number listed.
     */
    static int costsPanel(Browser browser, String key, Map<String, String> filter,
                          java.util.function.Predicate<String> heading, String csvPrefix) throws IOException {
        String panel = "[data-test=cost-drill] ";
        browser.awaitText(panel + "h2", heading);
        ListedCosts listed = costs(key, filter);
        assertThat(browser.awaitText(panel + "[data-test=drill-count]", text -> !text.isEmpty()).replace(",", ""))
                .as("the panel counts the API's list for " + filter).isEqualTo(Integer.toString(listed.ids().size()));
        browser.settle();
        List<WebElement> rows = browser.all(panel + "[data-test=drill-table] tbody tr");
        assertThat(rows).hasSize(Math.min(25, listed.ids().size()));
        List<String> shown = rows.stream().map(r -> r.findElement(By.cssSelector("td:nth-child(1)")).getText() + " "
                + r.findElement(By.cssSelector("td:nth-child(4)")).getText()).toList();
        assertThat(shown).as("the first page is the list's first rows").isEqualTo(listed.shown().subList(0, rows.size()));
        browser.find(panel + "[data-test=drill-csv]").click();
        Path csv = browser.awaitDownload(csvPrefix, ".csv");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        Files.delete(csv);
        if (!listed.ids().isEmpty()) {
            assertThat(lines.get(0)).startsWith("id,category,kind,amount");
        }
        assertThat(lines.subList(Math.min(1, lines.size()), lines.size()).stream()
                .map(l -> l.substring(0, l.indexOf(','))).toList())
                .as("the CSV holds exactly the list's costs").containsExactlyInAnyOrderElementsOf(listed.ids());
        return listed.ids().size();
    }

    /** Every page metrics-service's list at path answers for filter, as key sees it (an agent: narrowed). */
    static List<JsonPath> listed(String key, String path, Map<String, String> filter) {
        return pages(key, path, filter);
    }

    /**
     * Checks the panel (data-test testId) opened for clicked, whose list path answers for filter as key sees it: the
     * panel's count is clicked and the length of the API's whole list, its first page shows the list's first rows
     * (each linked to the value of linkField), and its CSV (csvPrefix*.csv, lower case as the dashboard names its
     * files) holds exactly the list's idField values, in order. Returns the API's pages.
     */
    static List<JsonPath> listPanel(Browser browser, String key, String testId, int clicked, String path,
                                    Map<String, String> filter, String idField, String linkField, String csvPrefix)
            throws IOException {
        String panel = "[data-test=" + testId + "] ";
        browser.awaitText(panel + "[data-test=drill-count]", text -> text.replace(",", "").equals(
                Integer.toString(clicked)));
        List<JsonPath> pages = pages(key, path, filter);
        List<String> ids = field(pages, "items." + idField);
        assertThat(ids).as("the API's list for " + filter + " has the clicked count").hasSize(clicked);
        browser.settle();
        List<WebElement> rows = browser.awaitCount(panel + "[data-test=drill-table] tbody tr", Math.min(25, clicked));
        List<String> shown = rows.stream().map(r -> r.findElement(By.cssSelector("td a")).getAttribute("href"))
                .map(href -> href.substring(href.lastIndexOf('/') + 1)).toList();
        assertThat(shown).as("the first page is the list's first rows")
                .isEqualTo(field(pages, "items." + linkField).subList(0, rows.size()));
        browser.find(panel + "[data-test=drill-csv]").click();
        Path csv = browser.awaitDownload(csvPrefix.toLowerCase(java.util.Locale.ROOT), ".csv");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        Files.delete(csv);
        if (clicked > 0) {
            assertThat(lines.get(0)).startsWith(idField + ",");
        }
        assertThat(lines.subList(Math.min(1, lines.size()), lines.size()).stream()
                .map(l -> l.substring(0, l.indexOf(','))).toList())
                .as("the CSV holds exactly the list").containsExactlyElementsOf(ids);
        return pages;
    }

    /** The end of the panel's heading that a CSV name was made from ("contacts-stage-quoted" -> "quoted"). */
    private static String labelOf(String csvPrefix) {
        String[] words = csvPrefix.split("-");
        return words[words.length - 1];
    }
}
