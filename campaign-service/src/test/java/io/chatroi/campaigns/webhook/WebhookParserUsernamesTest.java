package io.chatroi.campaigns.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatroi.campaigns.receipt.Receipt;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookParserUsernamesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static WebhookBatch parse(String body) throws Exception {
        return WebhookParser.parse(JSON.readTree(body));
    }

    @Test
    void aUsernameOnlyMessageIsKeptByItsBsuidWithTheUsername() throws Exception {
        WebhookBatch batch = parse(MetaUsernamePayloads.usernameText("wamid.X", 1749416383L));

        assertThat(batch.messages()).hasSize(1);
        WebhookBatch.InboundMessage m = batch.messages().get(0);
        assertThat(m.from()).as("Meta withheld the phone").isNull();
        assertThat(m.fromUserId()).isEqualTo("US.13491208655302741918");
        assertThat(m.username()).isEqualTo("@realsheenanelson");
        assertThat(m.profileName()).isEqualTo("Sheena Nelson");
        assertThat(m.at()).isEqualTo(Instant.ofEpochSecond(1749416383L));
        assertThat(m.text()).isEqualTo("Does it come in another color?");
    }

    @Test
    void aStatusWithoutRecipientIdKeepsTheBsuid() throws Exception {
        Receipt r = parse(MetaUsernamePayloads.deliveredToBsuid("wamid.Y", 1750030073L)).receipts().get(0);

        assertThat(r.recipient()).isNull();
        assertThat(r.recipientUserId()).isEqualTo("US.13491208655302741918");
        assertThat(r.groupParticipant()).isFalse();
        assertThat(r.pricingCategory()).isEqualTo("marketing");
    }

    @Test
    void aGroupStatusNamesTheGroupAndTheMember() throws Exception {
        Receipt byPhone = parse(MetaUsernamePayloads.groupStatus("wamid.G", "read", 1750030073L,
                "Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM", "16505551234", "US.1")).receipts().get(0);
        Receipt byBsuid = parse(MetaUsernamePayloads.groupStatus("wamid.G", "read", 1750030073L,
                "Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM", null, "US.2")).receipts().get(0);

        assertThat(byPhone.recipient()).as("a group id is no phone").isEqualTo("Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM");
        assertThat(byPhone.participant()).isEqualTo("+16505551234");
        assertThat(byBsuid.participant()).isEqualTo("US.2");
        assertThat(byBsuid.groupParticipant()).isTrue();
    }
}
