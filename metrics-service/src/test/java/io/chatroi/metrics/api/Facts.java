package io.chatroi.metrics.api;

import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Builders for the facts the fake upstreams serve, and a recompute that waits for its end. */
final class Facts {

    private Facts() {
    }

    static String campaign(String name, String owner, String goal, int windowDays) {
        return FakeUpstreams.put("campaigns", new JsonObject().put("name", name).put("owner", owner)
                .put("status", "sending").put("goal", new JsonObject().put("type", goal).put("windowDays", windowDays))
                .put("variants", new io.vertx.core.json.JsonArray()
                        .add(new JsonObject().put("key", "A").put("templateId", UUID.randomUUID().toString()).put("weight", 50))
                        .add(new JsonObject().put("key", "B").put("templateId", UUID.randomUUID().toString()).put("weight", 50)))
                .put("holdoutPercent", 0).put("createdAt", "2024-01-01T00:00:00Z")).getString("id");
    }

    /** A sent (and delivered) send; replied/clicked when those instants are given. */
    static JsonObject send(String campaignId, String variant, String contactId, String phone, Instant sentAt,
                           Instant repliedAt, Instant clickedAt) {
        JsonObject s = new JsonObject().put("campaignId", campaignId).put("variant", variant)
                .put("contactId", contactId == null ? UUID.randomUUID().toString() : contactId)
                .put("phone", phone).put("status", "sent").put("sentAt", sentAt.toString())
                .put("delivery", "delivered").put("deliveredAt", sentAt.plusSeconds(5).toString())
                .put("repliedAt", repliedAt == null ? null : repliedAt.toString())
                .put("clickedAt", clickedAt == null ? null : clickedAt.toString())
                .put("clicks", clickedAt == null ? 0 : 1).put("pricingCategory", null).put("billable", null)
                .put("createdAt", sentAt.minusSeconds(60).toString());
        return s;
    }

    static void putSend(JsonObject send) {
        FakeUpstreams.put("sends", send);
    }

    static JsonObject contact(String owner, Instant createdAt) {
        return new JsonObject().put("id", UUID.randomUUID().toString()).put("owner", owner).put("source", "website")
                .put("country", "DE").put("stage", "new").put("createdAt", createdAt.toString()).put("erased", false);
    }

    static String putContact(JsonObject contact) {
        return FakeUpstreams.put("contacts", contact).getString("id");
    }

    static void interaction(String contactId, String direction, Instant at) {
        interaction(contactId, direction, at, null);
    }

    /** An interaction of a given message type (text, reaction, system, click...; null for an untyped chat). */
    static void interaction(String contactId, String direction, Instant at, String messageType) {
        FakeUpstreams.put("interactions", new JsonObject().put("contactId", contactId).put("direction", direction)
                .put("at", at.toString()).put("createdAt", at.toString()).put("messageType", messageType));
    }

    static JsonObject wonDeal(String contactId, String owner, Instant inquiryAt, Instant wonAt, double order,
                              Double profit) {
        JsonObject deal = new JsonObject().put("contactId", contactId).put("stage", "won").put("owner", owner)
                .put("inquiryAt", inquiryAt.toString()).put("quotedAt", inquiryAt.plusSeconds(3600).toString())
                .put("wonAt", wonAt.toString()).put("orderAmount", order).put("currency", "USD")
                .put("createdAt", inquiryAt.toString());
        if (profit != null) {
            deal.put("profit", profit);
        }
        return FakeUpstreams.put("deals", deal);
    }

    /** Adds (or replaces, by id) a deal; returns its id. */
    static String putDeal(JsonObject deal) {
        return FakeUpstreams.put("deals", deal).getString("id");
    }

    static void cost(Map<String, Object> body) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/costs").then().statusCode(201);
    }

    /** POST /api/v1/recompute and wait for a final status; returns the final run as JSON. */
    static Map<String, Object> recompute(String from, String to, boolean sync) {
        return recomputeOnce(from, to, sync, Instant.now().plus(Duration.ofSeconds(60)));
    }

    private static Map<String, Object> recomputeOnce(String from, String to, boolean sync, Instant deadline) {
        Map<String, Object> body = new java.util.HashMap<>();
        if (from != null) {
            body.put("from", from);
            body.put("to", to);
        }
        body.put("sync", sync);
        String id = given().contentType(ContentType.JSON).body(body).post("/api/v1/recompute").then()
                .statusCode(202).extract().path("id");
        while (Instant.now().isBefore(deadline)) {
            Map<String, Object> run = given().get("/api/v1/recompute/" + id).then().statusCode(200).extract()
                    .jsonPath().getMap("");
            String status = (String) run.get("status");
            if (!status.equals("queued") && !status.equals("running")) {
                return run;
            }
            pause();
        }
        throw new AssertionError("recompute " + id + " did not finish in 60 s");
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A recompute that succeeds; one skipped because another run holds the lock (a run an earlier test requested
     * without waiting, such as ReportApiTest's of the dirty days) is requested again once that run is done. Returns
     * the succeeded run as JSON.
     */
    static Map<String, Object> recomputeOk(String from, String to) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Map<String, Object> run = recomputeOnce(from, to, true, deadline);
        while ("skipped".equals(run.get("status")) && Instant.now().isBefore(deadline)) {
            pause();
            run = recomputeOnce(from, to, true, deadline);
        }
        assertThat(run.get("status")).as("recompute " + run).isEqualTo("succeeded");
        return run;
    }
}
