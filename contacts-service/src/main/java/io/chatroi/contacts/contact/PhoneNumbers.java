package io.chatroi.contacts.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.List;
import java.util.Optional;

/**
 * Normalises phone numbers with libphonenumber. Accepts E.164, international formats with spaces, dashes or
 * brackets, a 00 international prefix, national formats when the country is known, and WhatsApp ids (digits
 * with the country code but no plus sign).
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final PhoneNumberToTimeZonesMapper ZONES = PhoneNumberToTimeZonesMapper.getInstance();

    private PhoneNumbers() {
    }

    /** A valid number in E.164 with its region, or empty when the input is not a valid phone number. */
    public static Optional<Parsed> parse(String raw, String countryHint) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String input = raw.strip();
        if (input.startsWith("00")) {
            input = "+" + input.substring(2);
        }
        String region = countryHint == null ? "ZZ" : countryHint.toUpperCase();
        Optional<Parsed> parsed = tryParse(input, region);
        if (parsed.isEmpty() && !input.startsWith("+") && input.replaceAll("[\\s().-]", "").matches("\\d{8,15}")) {
            parsed = tryParse("+" + input.replaceAll("[\\s().-]", ""), "ZZ");
        }
        return parsed;
    }

    private static Optional<Parsed> tryParse(String input, String region) {
        try {
            PhoneNumber number = UTIL.parse(input, region);
            if (!UTIL.isValidNumber(number)) {
                return Optional.empty();
            }
            String e164 = UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            String numberRegion = UTIL.getRegionCodeForNumber(number);
            List<String> zones = ZONES.getTimeZonesForNumber(number);
            String zone = zones.isEmpty() || zones.get(0).equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())
                    ? null : zones.get(0);
            return Optional.of(new Parsed(e164, numberRegion, zone));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** @param region ISO alpha-2 region of the number; @param timeZone the number's first IANA zone, if known */
    public record Parsed(String e164, String region, String timeZone) {
    }
}
