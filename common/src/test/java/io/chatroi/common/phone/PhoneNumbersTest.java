package io.chatroi.common.phone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTest {

    @Test
    void aNationalNumberIsReadInTheDefaultCountry() {
        assertThat(PhoneNumbers.e164("030 12345678", "DE")).isEqualTo("+493012345678");
        assertThat(PhoneNumbers.e164("0151 23456789", "de")).as("any case").isEqualTo("+4915123456789");
        assertThat(PhoneNumbers.e164("(415) 555-2671", " US ")).isEqualTo("+14155552671");
        assertThat(PhoneNumbers.e164("138 0013 8000", "CN")).isEqualTo("+8613800138000");
        assertThat(PhoneNumbers.e164("030 12345678", null)).as("national format needs a country").isNull();
        assertThat(PhoneNumbers.e164("030 12345678", " ")).isNull();
        assertThat(PhoneNumbers.e164("(415) 555-2671", null)).isNull();
    }

    @Test
    void anInternationalNumberIgnoresTheDefaultCountry() {
        assertThat(PhoneNumbers.e164("+49 30 12345678", null)).isEqualTo("+493012345678");
        assertThat(PhoneNumbers.e164("+49 30 12345678", "US")).isEqualTo("+493012345678");
        assertThat(PhoneNumbers.e164("  +4930-1234 5678 ", null)).as("spaces and dashes").isEqualTo("+493012345678");
    }

    @Test
    void zeroZeroIsTheInternationalPrefix() {
        assertThat(PhoneNumbers.e164("0049 (30) 1234-5678", null)).isEqualTo("+493012345678");
        assertThat(PhoneNumbers.e164("0049 30 12345678", "DE")).isEqualTo("+493012345678");
    }

    @Test
    void whatsAppIdsAreDigitsWithTheCountryCode() {
        PhoneNumbers.Parsed parsed = PhoneNumbers.parse("8613800138000", null).orElseThrow();
        assertThat(parsed.e164()).isEqualTo("+8613800138000");
        assertThat(parsed.region()).isEqualTo("CN");
        assertThat(parsed.timeZone()).isEqualTo("Asia/Shanghai");
        assertThat(PhoneNumbers.e164("49 151 2345 6789", null)).isEqualTo("+4915123456789");
        assertThat(PhoneNumbers.fromWhatsAppId("4915123456789")).isEqualTo("+4915123456789");
    }

    @Test
    void whatIsNotAValidNumberIsNoNumber() {
        assertThat(PhoneNumbers.parse("123", null)).isEmpty();
        assertThat(PhoneNumbers.parse("12", "DE")).isEmpty();
        assertThat(PhoneNumbers.parse("not a phone", null)).isEmpty();
        assertThat(PhoneNumbers.parse("+49 30", null)).as("too short for its plan").isEmpty();
        assertThat(PhoneNumbers.parse("", null)).isEmpty();
        assertThat(PhoneNumbers.parse(null, "DE")).isEmpty();
        assertThat(PhoneNumbers.e164("+999 1234567", null)).as("no such calling code").isNull();
    }

    @Test
    void theOriginOfANumberNeedsNoValidity() {
        assertThat(PhoneNumbers.origin("+4915123456789")).isEqualTo(new PhoneNumbers.Origin("49", "DE"));
        assertThat(PhoneNumbers.origin("+14155552671")).isEqualTo(new PhoneNumbers.Origin("1", "US"));
        assertThat(PhoneNumbers.origin("+49 30")).extracting(PhoneNumbers.Origin::callingCode).isEqualTo("49");
        assertThat(PhoneNumbers.origin("no phone")).isNull();
        assertThat(PhoneNumbers.origin(null)).isNull();
    }
}
