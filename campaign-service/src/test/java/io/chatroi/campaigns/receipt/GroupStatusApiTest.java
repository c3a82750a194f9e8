package io.chatroi.campaigns.receipt;

import io.chatroi.campaigns.webhook.MetaUsernamePayloads;
import io.chatroi.campaigns.webhook.MetaWebhook;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Every member's status of a message sent to a group is kept, and the message's fold counts its reach. */
@QuarkusTest
class GroupStatusApiTest {

    private static final String GROUP = "Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM5NDMyMDk2NDUw";

    @Test
    void eachMemberCountsOnceForReachedAndForRead() {
        String id = MetaWebhook.wamid();
        long t = Instant.now().getEpochSecond();
        MetaWebhook.postRaw(MetaUsernamePayloads.groupStatus(id, "delivered", t, GROUP, "16505551234", "US.101"))
                .statusCode(200);
        MetaWebhook.postRaw(MetaUsernamePayloads.groupStatus(id, "delivered", t + 1, GROUP, "16505551235", "US.102"))
                .statusCode(200);
        MetaWebhook.postRaw(MetaUsernamePayloads.groupStatus(id, "read", t + 2, GROUP, "16505551234", "US.101"))
                .statusCode(200);
        // a member known by username alone, read with no delivered before it (read implies delivered)
        MetaWebhook.postRaw(MetaUsernamePayloads.groupStatus(id, "read", t + 3, GROUP, null, "US.103"))
                .statusCode(200);
        // Meta's retry of one member's read changes nothing
        MetaWebhook.postRaw(MetaUsernamePayloads.groupStatus(id, "read", t + 2, GROUP, "16505551234", "US.101"))
                .statusCode(200);

        given().get("/api/v1/message-states?messageId=" + id).then().statusCode(200)
                .body("status", equalTo("read")).body("recipient", equalTo(GROUP))
                .body("participantsReached", equalTo(3)).body("participantsRead", equalTo(2))
                .body("receipts.size()", equalTo(4))
                .body("receipts.participant", containsInAnyOrder("+16505551234", "+16505551235", "+16505551234",
                        "US.103"))
                .body("receipts.status", equalTo(List.of("delivered", "delivered", "read", "read")));
    }

    @Test
    void aMessageToOnePersonHasNoGroupCounts() {
        String id = MetaWebhook.wamid();
        MetaWebhook.postRaw(MetaUsernamePayloads.deliveredToBsuid(id, Instant.now().getEpochSecond()))
                .statusCode(200);

        given().get("/api/v1/message-states?messageId=" + id).then().statusCode(200)
                .body("status", equalTo("delivered")).body("recipient", nullValue())
                .body("recipientUserId", equalTo("US.13491208655302741918"))
                .body("participantsReached", nullValue()).body("participantsRead", nullValue())
                .body("receipts[0].participant", nullValue());
    }
}
