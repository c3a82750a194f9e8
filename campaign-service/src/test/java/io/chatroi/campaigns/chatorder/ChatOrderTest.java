package io.chatroi.campaigns.chatorder;

import io.chatroi.campaigns.campaign.CampaignFixtures;
import io.chatroi.campaigns.campaign.FakeContactsService;
import io.chatroi.campaigns.contacts.ContactSync;
import io.chatroi.campaigns.dispatch.Dispatcher;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.chatroi.campaigns.webhook.MetaWebhook.message;
import static io.chatroi.campaigns.webhook.MetaWebhook.messages;
import static io.chatroi.campaigns.webhook.MetaWebhook.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order placed in the chat, a Flow's reply and a click-to-WhatsApp ad's referral reach contacts-service with
 * what they carry: the order's items, total and the campaign of the send it answers, the Flow's response_json, the
 * ad's ids, headline and ctwa_clid.
 */
@QuarkusTest
class ChatOrderTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    Dispatcher dispatcher;

    @Inject
    Pool pool;

    @Inject
    ContactSync contactSync;

    private static JsonObject forwarded(String externalId) {
        return FakeContactsService.INTERACTIONS.stream().filter(item -> externalId.equals(item.getString("externalId")))
                .findFirst().orElseThrow(() -> new AssertionError(externalId + " was not forwarded"));
    }

    private static JsonObject item(String sku, Object quantity, Object price) {
        return new JsonObject().put("product_retailer_id", sku).put("quantity", quantity).put("item_price", price)
                .put("currency", "USD");
    }

    @Test
    void anOrderIsForwardedWithItsItemsTotalAndTheCampaignOfTheSendItAnswers() {
        String campaignId = CampaignFixtures.launchAndDispatch(dispatcher,
                CampaignFixtures.campaign(CampaignFixtures.VIPS, 0, CampaignFixtures.template("marketing")));
        Row send = CampaignFixtures.sent(pool, campaignId).get(0);

        JsonObject order = message(send.getString("phone"), "order", new JsonObject()
                .put("catalog_id", "194836987003835").put("text", "Please deliver on Friday")
                .put("product_items", new JsonArray().add(item("LED-A19", 2, 12.5)).add(item("LED-BULK", 1, 99.99))))
                .put("context", new JsonObject().put("from", "15550001111").put("id", send.getString("provider_message_id")))
                .put("timestamp", String.valueOf(Instant.now().getEpochSecond() + 2));
        // Meta's reference shows the numbers as JSON numbers; some senders write them as strings
        JsonObject strangerOrder = message("+15557770" + (1000 + (int) (System.nanoTime() % 8999)), "order",
                new JsonObject().put("catalog_id", "194836987003835").put("product_items", new JsonArray()
                        .add(item("LED-A19", "3", "12.5"))));
        JsonObject flow = message("+4915112345678", "interactive", new JsonObject().put("type", "nfm_reply")
                .put("nfm_reply", new JsonObject().put("name", "flow").put("body", "Sent")
                        .put("response_json", "{\"flow_token\":\"FT-1\",\"budget\":\"5000\",\"units\":\"200\"}")));
        JsonObject ad = message("+4915198765432", "text", new JsonObject().put("body", "Hi! I saw your ad"))
                .put("referral", new JsonObject().put("source_url", "https://fb.me/3cr4Wqqkv")
                        .put("source_id", "120208838237150018").put("source_type", "ad")
                        .put("headline", "LED bulbs for wholesalers").put("body", "Free samples this week")
                        .put("media_type", "image").put("image_url", "https://scontent.xx.fbcdn.net/x.jpg")
                        .put("ctwa_clid", "ARAkLkA8rmlFeiCktEJQ-QTwRiyYHAFDLMNDBH0CD3qpjd0HR4irJ6LEkR7JwFF4XvnO2E4Nx0-eM-GABDLOPaOdRMv-_zfUQ2a"));
        post(messages(order, strangerOrder, flow, ad)).statusCode(200);
        // earlier tests may have left more than a batch to forward
        while (contactSync.syncOnce().await().atMost(WAIT) > 0) {
            Thread.onSpinWait();
        }

        JsonObject placed = forwarded(order.getString("id"));
        assertThat(placed.getString("messageType")).isEqualTo("order");
        JsonObject details = placed.getJsonObject("order");
        assertThat(details.getString("campaignId")).isEqualTo(campaignId);
        assertThat(new BigDecimal(details.getValue("total").toString())).isEqualByComparingTo("124.99");
        assertThat(details.getString("currency")).isEqualTo("USD");
        assertThat(details.getString("catalogId")).isEqualTo("194836987003835");
        JsonObject first = details.getJsonArray("items").getJsonObject(0);
        assertThat(first.getString("productRetailerId")).isEqualTo("LED-A19");
        assertThat(new BigDecimal(first.getValue("quantity").toString())).isEqualByComparingTo("2");
        assertThat(new BigDecimal(first.getValue("itemPrice").toString())).isEqualByComparingTo("12.5");
        // the order answers the send: it is its reply
        assertThat(given().get("/api/v1/campaigns/" + campaignId).then().statusCode(200).extract()
                .jsonPath().getInt("counters.replied")).isEqualTo(1);

        JsonObject stranger = forwarded(strangerOrder.getString("id")).getJsonObject("order");
        assertThat(stranger.getValue("campaignId")).isNull();
        assertThat(new BigDecimal(stranger.getValue("total").toString())).isEqualByComparingTo("37.50");

        assertThat(new JsonObject(forwarded(flow.getString("id")).getString("flowResponse")).getString("budget"))
                .isEqualTo("5000");
        JsonObject referral = forwarded(ad.getString("id")).getJsonObject("referral");
        assertThat(forwarded(ad.getString("id")).getString("source")).isEqualTo("ads_ctwa");
        assertThat(referral.getString("sourceId")).isEqualTo("120208838237150018");
        assertThat(referral.getString("sourceType")).isEqualTo("ad");
        assertThat(referral.getString("headline")).isEqualTo("LED bulbs for wholesalers");
        assertThat(referral.getString("ctwaClid")).startsWith("ARAkLkA8rmlFeiCktEJQ");
        assertThat(referral.getString("sourceUrl")).isEqualTo("https://fb.me/3cr4Wqqkv");
    }
}
