package io.chatroi.campaigns.order;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain parts of orders: landing URLs, Shopify payloads, phones, signatures and the deal's money. */
class OrderPartsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theLandingUrlNamesTheCampaignVariantAndLinkCodes() {
        LandingSite site = LandingSite.of("/products/widget?utm_source=whatsapp&utm_medium=message"
                + "&utm_campaign=Spring+sale&utm_content=B&ref=abc", "https://chatroi.example.com/r/CODE123");
        assertThat(site.campaignName()).contains("Spring sale");
        assertThat(site.utmContent()).isEqualTo("B");
        assertThat(site.codeCandidates()).contains("abc", "CODE123");
        assertThat(LandingSite.of("/?utm_source=google&utm_campaign=Spring+sale", null).campaignName()).isEmpty();
        assertThat(LandingSite.of("/?utm_campaign=%E4%BF%83%E9%94%80", null).campaignName()).contains("促销");
        assertThat(LandingSite.of("not a url ?utm_campaign=x%zz", null).campaignName()).isEmpty();
        assertThat(LandingSite.of(null, null).codeCandidates()).isEmpty();
    }

    @Test
    void shopifyOrdersAreReadWithTheirPhonesInTheOrdersCountry() throws Exception {
        var order = ShopifyPayloads.order(json.readTree("""
                {"id": 820982911946154508, "total_price": "199.00", "currency": "eur", "financial_status": "paid",
                 "created_at": "2026-11-20T10:00:00-05:00", "processed_at": "2026-11-20T10:05:00-05:00",
                 "landing_site": "/?utm_campaign=X", "cancelled_at": null,
                 "customer": {"phone": "+49 151 2345 6789"},
                 "billing_address": {"phone": "0151 23456789", "country_code": "DE"},
                 "shipping_address": {"phone": "(030) 1234-5678", "country_code": "DE"},
                 "refunds": [{"id": 5, "transactions": [{"kind": "refund", "status": "success", "amount": "9.50"}]}]}
                """), Instant.EPOCH).orElseThrow();
        assertThat(order.externalId()).isEqualTo("820982911946154508");
        assertThat(order.status()).isEqualTo(ShopOrder.OrderStatus.PAID);
        assertThat(order.currency()).isEqualTo("EUR");
        assertThat(order.phones()).containsExactly("+4915123456789", "+493012345678");
        assertThat(order.orderedAt()).isEqualTo(Instant.parse("2026-11-20T15:00:00Z"));
        assertThat(order.paidAt()).isEqualTo(Instant.parse("2026-11-20T15:05:00Z"));
        assertThat(order.refunds()).singleElement().satisfies(r -> {
            assertThat(r.amount()).isEqualByComparingTo("9.50");
            assertThat(r.orderExternalId()).isEqualTo("820982911946154508");
        });
        assertThat(ShopifyPayloads.order(json.readTree("{\"id\": 1, \"total_price\": \"-1\", \"currency\": \"EUR\"}"),
                Instant.EPOCH)).isEmpty();
        assertThat(ShopifyPayloads.order(json.readTree("{\"id\": 1, \"total_price\": \"5\", \"currency\": \"EUR\","
                + " \"financial_status\": \"pending\", \"cancelled_at\": \"2026-11-21T00:00:00Z\"}"), Instant.EPOCH)
                .orElseThrow().status()).isEqualTo(ShopOrder.OrderStatus.CANCELLED);
    }

    @Test
    void phonesAreNormalisedAndInvalidOnesLeftOut() {
        assertThat(OrderPhones.normalise(List.of("0151 23456789", "+4915123456789", "12", "0049 30 12345678"), "de"))
                .containsExactly("+4915123456789", "+493012345678");
        assertThat(OrderPhones.normalise(List.of("(415) 555-2671"), null)).isEmpty();
        assertThat(OrderPhones.normalise(List.of("(415) 555-2671"), "US")).containsExactly("+14155552671");
    }

    @Test
    void shopSignaturesAreBase64HmacSha256OfTheRawBody() {
        ShopSignature signature = new ShopSignature("hush");
        byte[] body = "{\"id\":1}".getBytes();
        // openssl dgst -sha256 -hmac hush -binary | base64
        assertThat(signature.sign(body)).isEqualTo("VnKUjZsLuN5iZWjn5EntcBVCF9kMN43LglzCE1/GSeY=");
        assertThat(signature.verify(body, signature.sign(body))).isTrue();
        assertThat(signature.verify("{\"id\":2}".getBytes(), signature.sign(body))).isFalse();
        assertThat(signature.verify(body, null)).isFalse();
    }

    @Test
    void revenueIsWhatWasPaidLessRefundsAndProfitComesFromTheShopOrTheMargin() {
        assertThat(OrderDeals.revenue("paid", new BigDecimal("120.00"), new BigDecimal("20.00"))).isEqualByComparingTo("100");
        assertThat(OrderDeals.revenue("cancelled", new BigDecimal("120.00"), BigDecimal.ZERO)).isZero();
        assertThat(OrderDeals.revenue("paid", new BigDecimal("10"), new BigDecimal("15"))).isZero();
        assertThat(OrderDeals.profit(new BigDecimal("100"), new BigDecimal("120"), new BigDecimal("48"),
                Optional.of(new BigDecimal("0.1")))).isEqualByComparingTo("40");
        assertThat(OrderDeals.profit(new BigDecimal("100"), new BigDecimal("120"), null,
                Optional.of(new BigDecimal("0.35")))).isEqualByComparingTo("35");
        assertThat(OrderDeals.profit(new BigDecimal("100"), new BigDecimal("120"), null, Optional.empty())).isNull();
    }
}
