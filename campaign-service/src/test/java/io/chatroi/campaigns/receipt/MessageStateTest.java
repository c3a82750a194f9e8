package io.chatroi.campaigns.receipt;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class MessageStateTest {

    private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

    private static Receipt receipt(String status, long seconds) {
        return new Receipt("wamid.1", status, T.plusSeconds(seconds), "16505551234", null, null, null, null, null,
                null, null, null);
    }

    private static MessageState fold(List<Receipt> receipts) {
        MessageState state = MessageState.empty("wamid.1");
        for (Receipt receipt : receipts) {
            state = state.apply(receipt);
        }
        return state;
    }

    @Test
    void highestStateWinsInAnyOrderAndDuplicatesAreNoOps() {
        List<Receipt> receipts = new ArrayList<>(List.of(receipt("sent", 0), receipt("delivered", 5),
                receipt("read", 60), receipt("delivered", 5), receipt("sent", 0)));
        MessageState inOrder = fold(receipts);
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(receipts, random);
            assertThat(fold(receipts)).isEqualTo(inOrder);
        }
        assertThat(inOrder.status()).isEqualTo(DeliveryStatus.READ);
        assertThat(inOrder.sentAt()).isEqualTo(T);
        assertThat(inOrder.deliveredAt()).isEqualTo(T.plusSeconds(5));
        assertThat(inOrder.readAt()).isEqualTo(T.plusSeconds(60));
    }

    @Test
    void readWithoutDeliveredImpliesDeliveredAndSent() {
        MessageState state = fold(List.of(receipt("read", 30)));
        assertThat(state.status()).isEqualTo(DeliveryStatus.READ);
        assertThat(state.sentAt()).isEqualTo(T.plusSeconds(30));
        assertThat(state.deliveredAt()).isEqualTo(T.plusSeconds(30));
        // the real delivered receipt, arriving late, corrects the time
        assertThat(state.apply(receipt("delivered", 10)).deliveredAt()).isEqualTo(T.plusSeconds(10));
    }

    @Test
    void failedKeepsItsErrorAndOutranksOnlySent() {
        Receipt failed = new Receipt("wamid.1", "failed", T.plusSeconds(3), null, 131026, "Message undeliverable",
                null, null, null, null, null, null);
        MessageState state = fold(List.of(failed, receipt("sent", 0)));
        assertThat(state.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(state.errorCode()).isEqualTo(131026);
        assertThat(state.errorTitle()).isEqualTo("Message undeliverable");
        MessageState delivered = state.apply(receipt("delivered", 9));
        assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivered.errorCode()).as("the failure stays on record").isEqualTo(131026);
    }

    @Test
    void unknownStatusesMoveNothing() {
        MessageState state = fold(List.of(receipt("sent", 0), receipt("deleted", 9), receipt("brand_new_status", 10)));
        assertThat(state.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(DeliveryStatus.fromWire("brand_new_status")).isEqualTo(DeliveryStatus.OTHER);
    }

    @Test
    void pricingIsTakenFromWhicheverReceiptCarriesIt() {
        Receipt priced = new Receipt("wamid.1", "delivered", T.plusSeconds(2), null, null, null, "marketing", true,
                "regular", "PMP", "conv-1", null);
        MessageState state = fold(List.of(receipt("read", 9), priced));
        assertThat(state.pricingCategory()).isEqualTo("marketing");
        assertThat(state.billable()).isTrue();
        assertThat(state.pricingType()).isEqualTo("regular");
    }
}
