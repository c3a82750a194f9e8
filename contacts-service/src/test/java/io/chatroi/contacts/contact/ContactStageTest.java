package io.chatroi.contacts.contact;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContactStageTest {

    @Test
    void contactStageMovesWithDeals() {
        assertThat(ContactStage.NEW.afterDeal("inquiry", 0)).isEqualTo(ContactStage.INQUIRY);
        assertThat(ContactStage.INQUIRY.afterDeal("quoted", 0)).isEqualTo(ContactStage.QUOTED);
        assertThat(ContactStage.QUOTED.afterDeal("inquiry", 0)).as("never backwards").isEqualTo(ContactStage.QUOTED);
        assertThat(ContactStage.QUOTED.afterDeal("won", 1)).isEqualTo(ContactStage.CUSTOMER);
        assertThat(ContactStage.CUSTOMER.afterDeal("won", 2)).isEqualTo(ContactStage.REPEAT_CUSTOMER);
        assertThat(ContactStage.CUSTOMER.afterDeal("quoted", 1)).as("a customer stays a customer")
                .isEqualTo(ContactStage.CUSTOMER);
        assertThat(ContactStage.CHURNED.afterDeal("inquiry", 0)).isEqualTo(ContactStage.INQUIRY);
        assertThat(ContactStage.NEW.afterInbound()).isEqualTo(ContactStage.ENGAGED);
    }
}
