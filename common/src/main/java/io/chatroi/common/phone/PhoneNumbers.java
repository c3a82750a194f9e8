package io.chatroi.common.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place phone numbers are read, in every service (libphonenumber). Accepts E.164, international formats
 * with spaces, dashes or brackets, a 00 international prefix, national formats when a default country is given, and
 * WhatsApp ids (digits with the country code but no plus sign). What is not a valid number is no number.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** Meta's ids are 8 to 15 digits (E.164 allows 15), possibly written with separators. */
    private static final String SEPARATORS = "[\\s().-]";

    private PhoneNumbers() {
    }

    /** @param region ISO alpha-2 region of the number; @param timeZone the number's first IANA zone, if known */
    public record Parsed(String e164, String region, String timeZone) {
    }

    /** Where a number is registered: its calling code and region (null when the code serves several regions). */
    public record Origin(String callingCode, String region) {
    }

    /**
     * A valid number in E.164 with its region and time zone, or empty when the input is not a valid phone number.
     * A national number is read in {@code defaultCountry} (ISO alpha-2, any case; null or blank: none).
     */
    public static Optional<Parsed> parse(String raw, String defaultCountry) {
        return number(raw, defaultCountry).map(number -> new Parsed(
                UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), UTIL.getRegionCodeForNumber(number),
                Zones.of(number)));
    }

    /** The number in E.164, or null when it is not a valid phone number; see {@link #parse}. */
    public static String e164(String raw, String defaultCountry) {
        return number(raw, defaultCountry).map(n -> UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164))
                .orElse(null);
    }

    /**
     * Meta's {@code wa_id} and {@code from} (digits with the country code, no plus sign) as E.164, unchecked: Meta
     * sends only numbers it delivers to, and this runs for every status and message of a webhook.
     */
    public static String fromWhatsAppId(String waId) {
        // a plain loop, not replaceAll: a regex would be compiled per call
        StringBuilder phone = new StringBuilder(waId.length() + 1).append('+');
        for (int i = 0; i < waId.length(); i++) {
            char c = waId.charAt(i);
            if (c >= '0' && c <= '9') {
                phone.append(c);
            }
        }
        return phone.toString();
    }

    /**
     * The calling code and region of an international number, valid or not (a number a sibling stored once and
     * whose plan changed since still has its country); null when it cannot be read at all.
     */
    public static Origin origin(String international) {
        if (international == null) {
            return null;
        }
        try {
            PhoneNumber number = UTIL.parse(international, null);
            return new Origin(String.valueOf(number.getCountryCode()), UTIL.getRegionCodeForNumber(number));
        } catch (NumberParseException e) {
            return null;
        }
    }

    private static Optional<PhoneNumber> number(String raw, String defaultCountry) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String input = raw.strip();
        if (input.startsWith("00")) {
            input = "+" + input.substring(2);
        }
        String region = defaultCountry == null || defaultCountry.isBlank() ? "ZZ"
                : defaultCountry.strip().toUpperCase(Locale.ROOT);
        Optional<PhoneNumber> parsed = valid(input, region);
        if (parsed.isEmpty() && !input.startsWith("+") && input.replaceAll(SEPARATORS, "").matches("\\d{8,15}")) {
            parsed = valid("+" + input.replaceAll(SEPARATORS, ""), "ZZ");
        }
        return parsed;
    }

    private static Optional<PhoneNumber> valid(String input, String region) {
        try {
            PhoneNumber number = UTIL.parse(input, region);
            return UTIL.isValidNumber(number) ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** Loaded on first use only: the time-zone tables are large and most callers never ask for a zone. */
    private static final class Zones {
        private static final PhoneNumberToTimeZonesMapper MAPPER = PhoneNumberToTimeZonesMapper.getInstance();

        static String of(PhoneNumber number) {
            List<String> zones = MAPPER.getTimeZonesForNumber(number);
            return zones.isEmpty() || zones.get(0).equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())
                    ? null : zones.get(0);
        }
    }
}
