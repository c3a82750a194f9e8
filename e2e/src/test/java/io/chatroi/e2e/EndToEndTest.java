package io.chatroi.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.chatroi.e2e.E2e.as;
import static io.chatroi.e2e.E2e.await;
import static io.chatroi.e2e.E2e.key;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;

/**
 * The product walked through the gateway only, as a frontend and an integrator would: keys per role, a CSV import,
 * a segment and two templates, an A/B campaign launched on the simulated provider, signed Meta-shaped inbound
 * replies (a price question and a STOP) posted to the public webhook, deals and costs; then what a user checks:
 * counts, tiers, opt-out, and the security promises (401, 403, 429, agent isolation).
 * After a recompute, the reports (KPIs, funnel, scorecards, ROI, experiment) are checked against what the walk
 * created.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(Stack.class)
class EndToEndTest {

    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000);
    private static Services services;
    private static String manager;
    private static String alice;
    private static String integrator;
    private static String viewer;
    private static final List<String> phones = new ArrayList<>();
    private static String campaignId;

    @BeforeAll
    static void start() {
        services = Stack.services();
    }

    private static String phone(int i) {
        return String.format("+4930%s%03d", RUN.length() > 5 ? RUN.substring(0, 5) : RUN, i);
    }

    @Test
    @Order(1)
    void keysPerRoleAndTheSecurityPromises() {
        manager = key("manager", null);
        alice = key("agent", "alice");
        integrator = key("integrator", null);
        viewer = key("viewer", null);

        given().get("/api/v1/contacts").then().statusCode(401).contentType("application/problem+json");
        as("chr_unknown").get("/api/v1/contacts").then().statusCode(401);
        as(viewer).contentType("application/json").body(Map.of("phone", "+4930123456")).post("/api/v1/contacts")
                .then().statusCode(403).contentType("application/problem+json");
        as(manager).get("/api/v1/api-keys").then().statusCode(403);
        // the services themselves refuse /api/** without the internal token
        given().port(Services.CONTACTS).get("/api/v1/contacts").then().statusCode(401);
        given().port(Services.CAMPAIGN).get("/api/v1/campaigns").then().statusCode(401);
        given().port(Services.METRICS).get("/api/v1/costs").then().statusCode(401);
        // ... but their webhook stays public
        given().port(Services.CAMPAIGN).queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "e2e-verify")
                .queryParam("hub.challenge", "42").get("/webhooks/whatsapp").then().statusCode(200);
    }

    @Test
    @Order(2)
    void aRequestIdTravelsThroughTheGatewayIntoTheServicesLogs() throws Exception {
        String id = "e2e-trace-" + RUN;
        as(manager).header("X-Request-Id", id).get("/api/v1/templates").then().statusCode(200)
                .header("X-Request-Id", id);
        await("the request id in both logs", Duration.ofSeconds(10), () -> {
            try {
                return services.log("gateway").contains(id) && services.log("campaign-service").contains(id) ? true : null;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    @Order(2)
    void anIntegratorImportsContactsByCsv() {
        StringBuilder csv = new StringBuilder("phone,name,owner,tags\n");
        for (int i = 0; i < 40; i++) {
            phones.add(phone(i));
            csv.append(phone(i)).append(",Buyer ").append(i).append(',').append(i % 2 == 0 ? "alice" : "bob")
                    .append(',').append(i < 30 ? "e2e-led" : "e2e-solar").append('\n');
        }
        csv.append("not-a-phone,Broken,alice,\n");
        as(integrator).contentType("text/csv").body(csv.toString()).post("/api/v1/contacts/import").then()
                .statusCode(200).body("created", equalTo(40)).body("rejected[0].line", equalTo(42));
    }

    @Test
    @Order(3)
    void anAgentSeesOnlyItsOwnContacts() {
        List<String> owners = as(alice).get("/api/v1/contacts?tagsAny=e2e-led&tagsAny=e2e-solar&limit=500")
                .then().statusCode(200).extract().path("items.owner");
        assertThat(owners).hasSize(20).containsOnly("alice");
        String bobs = as(manager).get("/api/v1/contacts?owners=bob&tagsAny=e2e-led&limit=1").then().statusCode(200)
                .extract().path("items[0].id");
        as(alice).get("/api/v1/contacts/" + bobs).then().statusCode(404);
        as(alice).contentType("application/json").body(Map.of("contactId", bobs, "stage", "inquiry"))
                .post("/api/v1/deals").then().statusCode(400);
    }

    @Test
    @Order(4)
    void aManagerLaunchesAnABCampaignOnASegment() {
        String segment = as(manager).contentType("application/json")
                .body(Map.of("name", "e2e LED buyers " + RUN, "filter", Map.of("tagsAll", List.of("e2e-led"))))
                .post("/api/v1/segments").then().statusCode(201).extract().path("id");
        as(manager).get("/api/v1/segments/" + segment + "/count").then().statusCode(200).body("count", equalTo(30));
        String a = template("led_a_" + RUN);
        String b = template("led_b_" + RUN);
        Map<String, Object> campaign = E2e.campaign("e2e LED spring sale", Map.of("segmentId", segment), a, b);
        campaignId = as(manager).contentType("application/json").body(campaign).post("/api/v1/campaigns")
                .then().statusCode(201).extract().path("id");
        as(manager).post("/api/v1/campaigns/" + campaignId + "/launch").then().statusCode(200);
        Map<String, Object> done = await("campaign " + campaignId + " sent, delivered and read", Duration.ofSeconds(90),
                () -> {
                    Map<String, Object> view = as(manager).get("/api/v1/campaigns/" + campaignId).then().statusCode(200)
                            .extract().jsonPath().getMap("");
                    Map<?, ?> counters = (Map<?, ?>) view.get("counters");
                    return counters != null && ((Number) counters.get("read")).intValue() == 30 ? view : null;
                });
        Map<?, ?> counters = (Map<?, ?>) done.get("counters");
        assertThat(((Number) counters.get("sent")).intValue()).isEqualTo(30);
        assertThat(((Number) counters.get("delivered")).intValue()).isEqualTo(30);
        assertThat(((Number) counters.get("failed")).intValue()).isZero();
        Map<String, ?> byVariant = (Map<String, ?>) done.get("countersByVariant");
        assertThat(byVariant.keySet()).containsExactlyInAnyOrder("A", "B");
    }

    private static String template(String name) {
        return as(manager).contentType("application/json").body(Map.of("name", name, "language", "en_US",
                        "category", "marketing", "body", "Hi {{1}}, our LED sale ends {{2}}",
                        "buttons", List.of(Map.of("type", "quick_reply", "text", "Stop promotions", "payload", "STOP"))))
                .post("/api/v1/templates").then().statusCode(201).extract().path("id");
    }

    @Test
    @Order(5)
    void inboundRepliesThroughThePublicWebhookReachTheContacts() throws Exception {
        String priceQuestion = phones.get(0);
        String stop = phones.get(2);
        String body = inbound(List.of(
                Map.of("from", priceQuestion.substring(1), "id", "wamid.e2e-" + RUN + "-1", "text", "How much is the price per unit?"),
                Map.of("from", stop.substring(1), "id", "wamid.e2e-" + RUN + "-2", "text", "STOP")));
        String signature = E2e.metaSignature(body);
        given().contentType("application/json").header("X-Hub-Signature-256", "sha256=00").body(body)
                .post("/webhooks/whatsapp").then().statusCode(401);
        given().contentType("application/json").header("X-Hub-Signature-256", signature).body(body)
                .post("/webhooks/whatsapp").then().statusCode(200);

        String asker = contactId(priceQuestion);
        String stopper = contactId(stop);
        await("the price question raises intent", Duration.ofSeconds(30), () ->
                "high".equals(as(manager).get("/api/v1/contacts/" + asker).then().extract().path("intent")) ? true : null);
        await("STOP opts the contact out", Duration.ofSeconds(30), () ->
                Boolean.TRUE.equals(as(manager).get("/api/v1/contacts/" + stopper).then().extract().path("optedOut"))
                        ? true : null);
        await("the campaign counts the reply and the opt-out", Duration.ofSeconds(30), () -> {
            Map<String, Object> counters = as(manager).get("/api/v1/campaigns/" + campaignId).then().extract()
                    .jsonPath().getMap("counters");
            return ((Number) counters.get("replied")).intValue() >= 1 && ((Number) counters.get("optedOut")).intValue() >= 1
                    ? true : null;
        });
    }

    private static String contactId(String phone) {
        return as(manager).queryParam("q", phone).get("/api/v1/contacts").then().statusCode(200)
                .extract().path("items[0].id");
    }

    private static String inbound(List<Map<String, String>> messages) {
        long ts = Instant.now().getEpochSecond();
        StringBuilder items = new StringBuilder();
        for (Map<String, String> m : messages) {
            if (items.length() > 0) {
                items.append(',');
            }
            items.append("{\"from\":\"").append(m.get("from")).append("\",\"id\":\"").append(m.get("id"))
                    .append("\",\"timestamp\":\"").append(ts).append("\",\"type\":\"text\",\"text\":{\"body\":\"")
                    .append(m.get("text")).append("\"}}");
        }
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"WABA\",\"changes\":[{\"field\":"
                + "\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
                + "\"15550001111\",\"phone_number_id\":\"PNID\"},\"messages\":[" + items + "]}}]}]}";
    }

    @Test
    @Order(6)
    void dealsAndCosts() {
        String own = contactId(phones.get(0));
        String deal = as(alice).contentType("application/json").body(Map.of("contactId", own, "stage", "inquiry",
                "campaignId", campaignId)).post("/api/v1/deals").then().statusCode(201).body("owner", equalTo("alice"))
                .extract().path("id");
        as(alice).contentType("application/merge-patch+json").body(Map.of("stage", "won",
                        "orderAmount", 1200, "profit", 300, "currency", "USD"))
                .patch("/api/v1/deals/" + deal).then().statusCode(200).body("stage", equalTo("won"));
        as(manager).get("/api/v1/contacts/" + own).then().body("stage", equalTo("customer"));
        String bobs = contactId(phones.get(1));
        as(integrator).contentType("application/json").body(Map.of("contactId", bobs, "stage", "won",
                        "inquiryAt", "2026-10-01T09:00:00Z", "wonAt", "2026-10-10T09:00:00Z", "orderAmount", 800,
                        "profit", 200, "currency", "USD", "campaignId", campaignId))
                .post("/api/v1/deals").then().statusCode(201);
        assertThat(as(alice).get("/api/v1/deals").then().statusCode(200).extract().<List<String>>path("items.owner"))
                .containsOnly("alice");
        as(manager).contentType("application/json").body(Map.of("category", "platform_fees",
                        "amount", 45.5, "currency", "USD", "periodStart", java.time.LocalDate.now().toString(),
                        "campaignId", campaignId, "description", "e2e WhatsApp platform fees"))
                .post("/api/v1/costs").then().statusCode(201);
        as(viewer).contentType("application/json").body(Map.of("category", "software", "amount", 1))
                .post("/api/v1/costs").then().statusCode(403);
    }

    @Test
    @Order(7)
    void reports() {
        as(viewer).get("/api/v1/costs").then().statusCode(200);
        as(viewer).get("/api/v1/settings").then().statusCode(200);
        as(integrator).get("/api/v1/kpis").then().statusCode(403);
        // a recompute pulls the facts from contacts- and campaign-service (service to service, internal token)
        String location = as(manager).contentType("application/json").body(Map.of())
                .post("/api/v1/recompute").then().statusCode(202).extract().header("Location");
        assertThat(location).startsWith("/api/v1/recompute/");
        Map<String, Object> run = await("the recompute to finish", Duration.ofSeconds(90), () -> {
            Map<String, Object> view = as(manager).get(location).then().statusCode(200).extract().jsonPath().getMap("");
            return List.of("succeeded", "failed", "skipped").contains(view.get("status")) ? view : null;
        });
        assertThat(run.get("status")).as("recompute %s", run).isEqualTo("succeeded");
        // what this walk created: 30 sent, delivered and read (A/B), 1 price question credited as the reply, 1 STOP,
        // 2 won deals of the campaign (1,200 USD at 300 profit today; 800 at 200 on 2026-10-10), 45.50 USD entered
        // and 30 billable marketing messages to +49 at the seeded 0.1365 USD each
        as(viewer).get("/api/v1/kpis?groupBy=campaign&campaignId=" + campaignId).then().statusCode(200)
                .body("rows.size()", equalTo(1))
                .body("rows[0].name", equalTo("e2e LED spring sale"))
                .body("rows[0].counts.sent", equalTo(30)).body("rows[0].counts.delivered", equalTo(30))
                .body("rows[0].counts.read", equalTo(30)).body("rows[0].counts.replied", equalTo(1))
                .body("rows[0].counts.optedOut", equalTo(1)).body("rows[0].counts.failed", equalTo(0))
                .body("rows[0].counts.orders", equalTo(1)).body("rows[0].counts.revenue", closeTo(1200, 0.001))
                .body("rows[0].counts.enteredCosts", closeTo(45.5, 0.001))
                .body("rows[0].counts.messageFees", closeTo(30 * 0.1365, 0.006))
                .body("rows[0].kpis.openRate.value", closeTo(1.0, 1e-9))
                .body("rows[0].kpis.openRate.rating", equalTo("best"))
                .body("rows[0].kpis.replyRate.value", closeTo(1 / 30.0, 1e-6))
                .body("rows[0].kpis.optOutRate.value", closeTo(1 / 30.0, 1e-6))
                .body("rows[0].kpis.ctr.value", closeTo(0.0, 1e-9))
                .body("rows[0].kpis.roas.value", closeTo(1200 / (45.5 + 30 * 0.1365), 0.01));
        as(viewer).get("/api/v1/kpis?groupBy=variant&campaignId=" + campaignId).then().statusCode(200)
                .body("rows.size()", equalTo(2))
                .body("rows.counts.sent.sum()", equalTo(30));
        as(viewer).get("/api/v1/kpis?format=csv&groupBy=campaign").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .body(org.hamcrest.Matchers.startsWith("group,name,counts.sent,"));
        double cost = 45.5 + 30 * 0.1365;
        as(viewer).get("/api/v1/roi?from=2026-10-01&campaignId=" + campaignId).then().statusCode(200)
                .body("basis", equalTo("profit"))
                .body("costs.byCategory.platform_fees", closeTo(45.5, 0.001))
                .body("costs.total", closeTo(cost, 0.006))
                .body("value.direct", closeTo(500, 0.001))
                .body("counts.orders", equalTo(2))
                .body("roi", closeTo((500 - cost) / cost, 0.001));
        as(viewer).get("/api/v1/funnel").then().statusCode(200)
                .body("stages.stage", equalTo(List.of("reach", "interact", "convert", "retain")))
                .body("stages[0].count", equalTo(40))
                .body("largestDropOff", org.hamcrest.Matchers.notNullValue());
        as(viewer).get("/api/v1/scorecards").then().statusCode(200)
                .body("rows.owner", equalTo(List.of("alice", "bob")))
                .body("rows.find { it.owner == 'alice' }.contactsAdded", equalTo(20))
                .body("rows.find { it.owner == 'alice' }.ordersWon", equalTo(1))
                .body("rows.find { it.owner == 'alice' }.orderAmount", closeTo(1200, 0.001));
        // an agent gets its own scorecard row only
        as(alice).get("/api/v1/scorecards").then().statusCode(200).body("rows.owner", equalTo(List.of("alice")));
        // conversations left hanging: a viewer sees every owner's, an agent only its own whatever it asks for
        as(viewer).get("/api/v1/conversation-outcomes/hanging/owners").then().statusCode(200)
                .body("windowHours", equalTo(24));
        as(alice).get("/api/v1/conversation-outcomes/hanging?owner=bob").then().statusCode(200)
                .body("items.owner", org.hamcrest.Matchers.everyItem(equalTo("alice")));
        as(alice).get("/api/v1/conversation-outcomes/hanging/owners?owner=bob").then().statusCode(200)
                .body("items.owner", org.hamcrest.Matchers.everyItem(equalTo("alice")));
        as(integrator).get("/api/v1/conversation-outcomes/hanging").then().statusCode(403);
        as(viewer).get("/api/v1/conversation-outcomes/resolution-times?groupBy=owner").then().statusCode(200)
                .body("groupBy", equalTo("owner"));
        as(viewer).get("/api/v1/campaigns/" + campaignId + "/experiment").then().statusCode(200)
                .body("goal.type", equalTo("reply"))
                .body("variants.variant", equalTo(List.of("A", "B")))
                .body("variants.sends.sum()", equalTo(30))
                .body("variants.conversions.sum()", equalTo(1))
                .body("winner", org.hamcrest.Matchers.nullValue())
                .body("verdict", org.hamcrest.Matchers.containsString("not enough"));
    }

    @Test
    @Order(8)
    void aFrontendsTypedClientCreatesAContactAndReadsTheReports() {
        String output = ContractTools.runTypedClient(manager, campaignId);
        assertThat(output).contains("contact ").contains("funnel reach").contains("experiment A");
    }

    @Test
    @Order(8)
    void oneMergedApiDocumentAndSwaggerUi() {
        as(manager).get("/q/openapi?format=json").then().statusCode(200)
                .body("x-chatroi-sources.contacts-service", equalTo("ok"))
                .body("x-chatroi-sources.campaign-service", equalTo("ok"))
                .body("x-chatroi-sources.metrics-service", equalTo("ok"))
                // every path a service serves is routed by the gateway (else it is listed here)
                .body("x-chatroi-unrouted", org.hamcrest.Matchers.nullValue())
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    @Order(9)
    void aKeyOverItsRateIsSlowedDown() {
        String key = key("viewer", null);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        List<CompletableFuture<io.restassured.response.Response>> answers = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < 800; i++) {
            answers.add(CompletableFuture.supplyAsync(() -> as(key).get("/api/v1/templates?limit=1"), pool));
        }
        List<io.restassured.response.Response> responses = answers.stream().map(CompletableFuture::join).toList();
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        List<Integer> statuses = responses.stream().map(io.restassured.response.Response::statusCode).toList();
        assertThat(statuses).containsOnly(200, 429);
        // the bucket allowed its burst plus what it refilled while the requests ran, and not one more
        assertThat(statuses.stream().filter(s -> s == 200).count())
                .isGreaterThanOrEqualTo(Services.RATE_BURST)
                .isLessThanOrEqualTo((long) (Services.RATE_BURST + Services.RATE_PER_SECOND * seconds) + 1);
        io.restassured.response.Response refused = responses.stream().filter(r -> r.statusCode() == 429)
                .findFirst().orElseThrow();
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }
}
