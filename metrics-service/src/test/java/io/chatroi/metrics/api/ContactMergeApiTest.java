package io.chatroi.metrics.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * One person known first as two contacts (a phone contact and a username-only one) that contacts-service merged:
 * after the next sync and recompute, every fact of the absorbed contact counts for the survivor, and the person is
 * one recipient. Facts in 2022 only, with an owner of its own.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstreams.class)
class ContactMergeApiTest {

    @BeforeEach
    void numbers() {
        JsonNumbers.asDoubles();
    }

    @Test
    void aMergedPersonIsOneRecipientWithAllTheAbsorbedContactsFacts() {
        String owner = "Merge Person";
        Instant created = Instant.parse("2022-05-01T08:00:00Z");
        String phoneContact = Facts.putContact(Facts.contact(owner, created));
        String usernameContact = Facts.putContact(Facts.contact(owner, created.plusSeconds(60)));
        String spring = Facts.campaign("Merge spring", owner, "reply", 3);
        String summer = Facts.campaign("Merge summer", owner, "reply", 3);
        Instant first = Instant.parse("2022-05-02T09:00:00Z");
        Facts.putSend(Facts.send(spring, "A", phoneContact, "+4915112340001", first, null, null));
        Facts.putSend(Facts.send(summer, "A", usernameContact, null, first.plusSeconds(86_400),
                first.plusSeconds(86_500), null));
        Facts.interaction(usernameContact, "inbound", first.plusSeconds(86_500), "text");
        Facts.wonDeal(usernameContact, owner, first.plusSeconds(86_600), first.plusSeconds(90_000), 120, null);
        String range = "from=2022-05-01&to=2022-05-04&owner=" + owner;
        Facts.recomputeOk("2022-05-01", "2022-05-04");
        given().get("/api/v1/kpis?" + range).then().statusCode(200)
                .body("rows[0].counts.sent", equalTo(2)).body("rows[0].counts.recipients", equalTo(2));

        // a message named both: contacts-service merged the username-only contact into the phone contact
        FakeUpstreams.merge(usernameContact, phoneContact);
        Facts.recomputeOk("2022-05-01", "2022-05-04");

        given().get("/api/v1/kpis?" + range).then().statusCode(200)
                .body("rows[0].counts.sent", equalTo(2)).body("rows[0].counts.recipients", equalTo(1))
                .body("rows[0].counts.replied", equalTo(1));
        given().get("/api/v1/roi?" + range).then().statusCode(200).body("counts.recipients", equalTo(1))
                .body("counts.orders", equalTo(1));
        given().get("/api/v1/sync").then().statusCode(200)
                .body("items.find { it.stream == 'contact-merges' }.lastError", nullValue());
    }
}
