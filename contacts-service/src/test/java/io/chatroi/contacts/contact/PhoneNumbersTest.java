package io.chatroi.contacts.contact;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {

    @Test
    void normalisesCommonFormatsToE164() {
        assertThat(PhoneNumbers.parse("+49 30 12345678", null)).get().extracting(PhoneNumbers.Parsed::e164)
                .isEqualTo("+493012345678");
        assertThat(PhoneNumbers.parse("0049 (30) 1234-5678", null).get().e164()).isEqualTo("+493012345678");
        assertThat(PhoneNumbers.parse("030 12345678", "DE").get().e164()).isEqualTo("+493012345678");
        assertThat(PhoneNumbers.parse("(415) 555-2671", "US").get().e164()).isEqualTo("+14155552671");
        assertThat(PhoneNumbers.parse("138 0013 8000", "CN").get().e164()).isEqualTo("+8613800138000");
    }

    @Test
    void acceptsWhatsAppIdsWithoutPlusSign() {
        PhoneNumbers.Parsed parsed = PhoneNumbers.parse("8613800138000", null).orElseThrow();
        assertThat(parsed.e164()).isEqualTo("+8613800138000");
        assertThat(parsed.region()).isEqualTo("CN");
        assertThat(parsed.timeZone()).isEqualTo("Asia/Shanghai");
    }

    @Test
    void rejectsWhatIsNotAPhoneNumber() {
        assertThat(PhoneNumbers.parse("123", null)).isEmpty();
        assertThat(PhoneNumbers.parse("not a phone", null)).isEmpty();
        assertThat(PhoneNumbers.parse("030 12345678", null)).as("national format needs a country").isEmpty();
        assertThat(PhoneNumbers.parse("", null)).isEmpty();
        assertThat(PhoneNumbers.parse(null, null)).isEmpty();
    }

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
