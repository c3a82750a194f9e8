package io.chatroi.metrics.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unique recipients of a range come from the counts the recompute keeps (snap_recipients), not from the range's
 * sends. They must equal the straightforward count, distinct recipients of the range's sends per group, for ranges
 * starting and ending mid-history, by every grouping that spans campaigns, with and without an owner filter, also
 * after a recompute of one day in the middle adds and removes send days that later days' counts depend on.
 * Facts in 2019 only (no other test uses it): contacts with and without an owner (then the campaign's), in three
 * countries and two sources, and two recipients known only by phone, each reached by several campaigns.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
class UniqueRecipientsApiTest {

    private static final String ANA = "Recipients Ana";
    private static final String BO = "Recipients Bo";

    /** What the straightforward count reads from one send that went out. */
    private record Sent(JsonObject send, LocalDate day, String recipient, String owner, String country, String source) {
    }

    private record Recipient(String contactId, String phone, String owner, String country, String source) {
        String key() {
            return contactId != null ? contactId : phone;
        }
    }

    private final List<Sent> sent = new ArrayList<>();

    @Test
    void rangeRecipientsEqualTheDistinctRecipientsOfTheRangesSends() {
        Random random = new Random(2019);
        List<Recipient> recipients = new ArrayList<>();
        String[] countries = {"DE", "FR", "BR"};
        String[] sources = {"website", "trade_show"};
        for (int i = 0; i < 14; i++) {
            String owner = i % 5 == 4 ? null : i % 2 == 0 ? ANA : BO;
            JsonObject contact = Facts.contact(owner, Instant.parse("2018-12-01T09:00:00Z"))
                    .put("country", countries[i % 3]).put("source", sources[(i / 3) % 2]);
            recipients.add(new Recipient(Facts.putContact(contact), null, owner, countries[i % 3], sources[(i / 3) % 2]));
        }
        recipients.add(new Recipient(null, "+4915112349001", null, "DE", null));
        recipients.add(new Recipient(null, "+4915112349002", null, "DE", null));

        String[][] days = {{"2019-01-14", "2019-01-15"}, {"2019-02-04", "2019-02-14"}, {"2019-02-14", "2019-02-25"},
                {"2019-03-01", "2019-03-03"}, {"2019-03-11", "2019-04-02"}};
        for (int c = 0; c < days.length; c++) {
            String owner = c % 2 == 0 ? ANA : BO;
            String campaign = Facts.campaign("Recipients " + c, owner, "reply", 3);
            for (Recipient r : recipients) {
                if (random.nextInt(10) < 6) {
                    send(campaign, owner, r, LocalDate.parse(days[c][random.nextInt(days[c].length)]), random);
                }
            }
        }
        Facts.recomputeOk("2019-01-01", "2019-04-30");
        assertEveryRangeCountsEachRecipientOnce();

        // one day in the middle changes: a new campaign reaches half of them, two earlier sends never went out
        LocalDate middle = LocalDate.parse("2019-02-14");
        String late = Facts.campaign("Recipients late", BO, "reply", 3);
        for (Recipient r : recipients) {
            if (random.nextBoolean()) {
                send(late, BO, r, middle, random);
            }
        }
        sent.stream().filter(s -> s.day().equals(middle) && !s.owner().equals(BO)).limit(2).toList().forEach(s -> {
            sent.remove(s);
            Facts.putSend(s.send().put("sentAt", (String) null).put("status", "failed").put("delivery", "failed")
                    .put("deliveredAt", (String) null));
        });
        Facts.recomputeOk("2019-02-14", "2019-02-14");
        assertEveryRangeCountsEachRecipientOnce();
    }

    private void send(String campaign, String campaignOwner, Recipient r, LocalDate day, Random random) {
        Instant at = day.atTime(9 + random.nextInt(8), random.nextInt(60)).toInstant(ZoneOffset.UTC);
        JsonObject send = Facts.send(campaign, "A", r.contactId(), r.phone() == null ? "+4915112340000" : r.phone(),
                at, null, null);
        if (r.contactId() == null) {
            send.putNull("contactId");
        }
        Facts.putSend(send);
        sent.add(new Sent(send, day, r.key(), r.owner() != null ? r.owner() : campaignOwner, r.country(), r.source()));
    }

    private void assertEveryRangeCountsEachRecipientOnce() {
        String[][] ranges = {{"2019-01-01", "2019-04-30"}, {"2019-02-10", "2019-03-20"}, {"2019-02-14", "2019-02-14"},
                {"2019-01-16", "2019-02-27"}, {"2019-02-15", "2019-03-31"}};
        Map<String, Function<Sent, String>> groupings = Map.of(
                "", s -> "total",
                "day", s -> s.day().toString(),
                "week", s -> String.format("%d-W%02d", s.day().get(IsoFields.WEEK_BASED_YEAR),
                        s.day().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
                "month", s -> s.day().toString().substring(0, 7),
                "owner", Sent::owner,
                "country", Sent::country,
                "source", s -> s.source() == null ? "" : s.source());
        for (String[] range : ranges) {
            LocalDate from = LocalDate.parse(range[0]);
            LocalDate to = LocalDate.parse(range[1]);
            for (String owner : new String[]{null, ANA}) {
                groupings.forEach((groupBy, key) -> {
                    Map<String, Long> expected = distinctRecipients(from, to, owner, key);
                    Map<String, Long> actual = kpiRecipients(range, groupBy, owner);
                    String what = "groupBy=" + groupBy + " owner=" + owner + " " + range[0] + ".." + range[1];
                    expected.forEach((group, n) -> assertThat(actual.get(group)).as(what + " " + group).isEqualTo(n));
                    actual.forEach((group, n) -> assertThat(expected.getOrDefault(group, 0L)).as(what + " " + group)
                            .isEqualTo(n));
                });
                long total = distinctRecipients(from, to, owner, s -> "total").getOrDefault("total", 0L);
                var roi = given().queryParam("from", range[0]).queryParam("to", range[1]);
                if (owner != null) {
                    roi.queryParam("owner", owner);
                }
                assertThat(roi.get("/api/v1/roi").then().statusCode(200).extract().jsonPath()
                        .getLong("counts.recipients")).as("roi owner=" + owner + " " + range[0]).isEqualTo(total);
            }
        }
    }

    /** The straightforward count: distinct recipients of the sends of the range (and owner), per group. */
    private Map<String, Long> distinctRecipients(LocalDate from, LocalDate to, String owner, Function<Sent, String> key) {
        Map<String, Set<String>> groups = new HashMap<>();
        sent.stream().filter(s -> !s.day().isBefore(from) && !s.day().isAfter(to))
                .filter(s -> owner == null || owner.equals(s.owner()))
                .forEach(s -> groups.computeIfAbsent(key.apply(s), k -> new HashSet<>()).add(s.recipient()));
        Map<String, Long> counts = new HashMap<>();
        groups.forEach((group, people) -> counts.put(group, (long) people.size()));
        return counts;
    }

    private static Map<String, Long> kpiRecipients(String[] range, String groupBy, String owner) {
        var request = given().queryParam("from", range[0]).queryParam("to", range[1]);
        if (!groupBy.isEmpty()) {
            request.queryParam("groupBy", groupBy);
        }
        if (owner != null) {
            request.queryParam("owner", owner);
        }
        JsonPath json = request.get("/api/v1/kpis").then().statusCode(200).extract().jsonPath();
        Map<String, Long> out = new HashMap<>();
        List<Map<String, Object>> rows = json.getList("rows");
        for (Map<String, Object> row : rows) {
            @SuppressWarnings("unchecked")
            Map<String, Object> counts = (Map<String, Object>) row.get("counts");
            long n = ((Number) counts.get("recipients")).longValue();
            if (n != 0) {
                out.put((String) row.get("group"), n);
            }
        }
        return out;
    }
}
