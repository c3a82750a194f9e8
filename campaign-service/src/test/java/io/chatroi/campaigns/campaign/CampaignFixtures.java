package io.chatroi.campaigns.campaign;

import io.chatroi.campaigns.dispatch.Dispatcher;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Templates and campaigns made through the API, for the tests of several packages. */
public final class CampaignFixtures {

    /** The audience of the fake contacts tagged vip (FakeContactsService.VIP of them). */
    public static final Map<String, Object> VIPS = Map.of("filter", Map.of("tagsAll", List.of("vip")));

    private static final Duration WAIT = Duration.ofSeconds(60);

    private CampaignFixtures() {
    }

    public static ValidatableResponse post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).post(path).then();
    }

    public static String template(String category) {
        String name = "promo_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return post("/api/v1/templates", Map.of("name", name, "language", "en_US", "category", category,
                "body", "Hi {{1}}, our spring sale ends {{2}}: https://shop.example.com/sale",
                "buttons", List.of(Map.of("type", "url", "text", "Shop now", "url", "https://shop.example.com"),
                        Map.of("type", "quick_reply", "text", "Stop promotions", "payload", "STOP"))))
                .statusCode(201).body("parameters", equalTo(List.of("1", "2"))).extract().path("id");
    }

    public static Map<String, Object> campaign(Map<String, Object> audience, int holdout, String... templates) {
        List<Map<String, Object>> variants = new java.util.ArrayList<>();
        for (int i = 0; i < templates.length; i++) {
            variants.add(Map.of("key", String.valueOf((char) ('A' + i)), "templateId", templates[i], "weight", 50,
                    "parameters", List.of("friend", "Sunday")));
        }
        return Map.of("name", "Spring sale", "owner", "Zhang San", "audience", audience, "variants", variants,
                "holdoutWeight", holdout, "goal", Map.of("type", "reply"));
    }

    /** Creates the campaign {@code body}, launches it and waits until its audience is resolved; the campaign's id. */
    public static String launch(Map<String, Object> body) {
        String id = post("/api/v1/campaigns", body).statusCode(201).extract().path("id");
        given().post("/api/v1/campaigns/" + id + "/launch").then().statusCode(200);
        awaitResolved(id);
        return id;
    }

    /** {@link #launch} and one dispatch round through the provider stand-in; the campaign's id. */
    public static String launchAndDispatch(Dispatcher dispatcher, Map<String, Object> body) {
        String id = launch(body);
        dispatcher.dispatch(5_000).await().atMost(WAIT);
        return id;
    }

    /** The campaign's sends the provider accepted, in phone order. */
    public static List<Row> sent(Pool pool, String campaignId) {
        return pool.preparedQuery("SELECT * FROM sends WHERE campaign_id = $1 AND status = 'sent' ORDER BY phone")
                .execute(Tuple.of(UUID.fromString(campaignId))).await().atMost(WAIT).stream().toList();
    }

    public static Map<String, Object> awaitResolved(String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            Map<String, Object> view = given().get("/api/v1/campaigns/" + id).then().statusCode(200)
                    .extract().jsonPath().getMap("");
            if (Boolean.TRUE.equals(view.get("audienceResolved"))) {
                return view;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        throw new AssertionError("campaign " + id + " did not resolve its audience in 30 s");
    }
}
