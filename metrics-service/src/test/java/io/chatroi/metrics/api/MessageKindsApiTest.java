package io.chatroi.metrics.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;

/** Reactions are engagement, not replies; only messages that are turns make conversations (common's MessageKind). */
@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
class MessageKindsApiTest {

    @BeforeEach
    void numbers() {
        JsonNumbers.asDoubles();
    }

    @Test
    void reactionsHaveTheirOwnRateAndOnlyTurnsMakeConversations() {
        String campaign = Facts.campaign("Reactions", "Wang Wu", "reply", 3);
        Instant day = Instant.parse("2025-08-04T09:00:00Z");
        for (int i = 0; i < 10; i++) {
            Instant sent = day.plusSeconds(60L * i);
            JsonObject send = Facts.send(campaign, "A", null, "+4915112345678", sent,
                    i < 3 ? sent.plus(Duration.ofMinutes(30)) : null, null);
            if (i >= 3 && i < 5) {
                send.put("reactedAt", sent.plus(Duration.ofMinutes(5)).toString());
            }
            Facts.putSend(send);
        }
        JsonObject contact = Facts.contact("Kind Owner", day.minus(Duration.ofDays(1)));
        String id = Facts.putContact(contact);
        // a template, a reaction to it, a written question, the agent's answer, then a system notice
        Facts.interaction(id, "outbound", day, "template");
        Facts.interaction(id, "inbound", day.plusSeconds(60), "reaction");
        Facts.interaction(id, "inbound", day.plusSeconds(120), "text");
        Facts.interaction(id, "outbound", day.plusSeconds(180), "text");
        Facts.interaction(id, "inbound", day.plusSeconds(240), "system");
        Facts.recomputeOk("2025-08-04", "2025-08-04");

        given().queryParam("from", "2025-08-04").queryParam("to", "2025-08-04").queryParam("groupBy", "campaign")
                .queryParam("campaignId", campaign).get("/api/v1/kpis").then().statusCode(200)
                .body("rows[0].counts.replied", equalTo(3)).body("rows[0].counts.reacted", equalTo(2))
                .body("rows[0].kpis.replyRate.value", closeTo(0.3, 1e-9))
                .body("rows[0].kpis.reactionRate.value", closeTo(0.2, 1e-9));
        given().queryParam("from", "2025-08-04").queryParam("to", "2025-08-04").queryParam("groupBy", "owner")
                .queryParam("owner", "Kind Owner").get("/api/v1/kpis").then().statusCode(200)
                .body("rows[0].counts.received", equalTo(1))
                .body("rows[0].kpis.conversations.value", closeTo(1, 1e-9))
                .body("rows[0].kpis.avgTurns.value", closeTo(1, 1e-9))
                .body("rows[0].kpis.medianResponseTime.value", closeTo(60, 1e-9));
        given().get("/api/v1/kpis/catalog").then().statusCode(200)
                .body("items.find { it.id == 'reactionRate' }.formula", equalTo("reacted / sent"));
    }
}
