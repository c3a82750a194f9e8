package io.chatroi.campaigns.chatorder;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChatOrderRulesTest {

    private static String order(String items) {
        return "{\"type\":\"order\",\"order\":{\"catalog_id\":\"1\",\"product_items\":[" + items + "]}}";
    }

    @Test
    void theTotalIsQuantityTimesPriceRoundedToTheCurrency() {
        ChatOrder o = ChatOrder.of("order", order("{\"product_retailer_id\":\"a\",\"quantity\":3,"
                + "\"item_price\":0.335,\"currency\":\"USD\"}")).orElseThrow();
        assertThat(o.total()).isEqualByComparingTo("1.01");
        ChatOrder yen = ChatOrder.of("order", order("{\"product_retailer_id\":\"a\",\"quantity\":\"2\","
                + "\"item_price\":\"150.6\",\"currency\":\"JPY\"}")).orElseThrow();
        assertThat(yen.total()).isEqualByComparingTo("301");
    }

    @Test
    void mixedCurrenciesOrAMissingPriceLeaveNoTotal() {
        assertThat(ChatOrder.of("order", order("{\"quantity\":1,\"item_price\":1,\"currency\":\"USD\"},"
                + "{\"quantity\":1,\"item_price\":1,\"currency\":\"EUR\"}")).orElseThrow().total()).isNull();
        assertThat(ChatOrder.of("order", order("{\"quantity\":1,\"currency\":\"USD\"}")).orElseThrow().total())
                .isNull();
        assertThat(ChatOrder.of("order", order("{\"quantity\":\"many\",\"item_price\":1,\"currency\":\"USD\"}"))
                .orElseThrow().total()).isNull();
    }

    @Test
    void onlyOrderMessagesWithAnOrderObjectAreOrders() {
        assertThat(ChatOrder.of("text", order(""))).isEmpty();
        assertThat(ChatOrder.of("order", "{\"type\":\"order\",\"order\":\"x\"}")).isEmpty();
        assertThat(ChatOrder.of("order", "{\"type\":\"order\",\"order\":{\"product_items\":5}}")).isPresent()
                .get().extracting(ChatOrder::items).asList().isEmpty();
    }
}
