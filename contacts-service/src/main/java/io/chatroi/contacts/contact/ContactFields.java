package io.chatroi.contacts.contact;

import io.chatroi.common.phone.PhoneNumbers;
import io.chatroi.common.input.AttributeRules;
import io.chatroi.common.input.TextRules;
import io.chatroi.common.problem.Validator;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Validated, normalised contact fields: phone in E.164, country defaulted from the phone number, time zone from
 * the number (or UTC), enums checked.
 */
public record ContactFields(String phone, String name, String company, String country, String language,
                            String timeZone, String source, String owner, String stage, Instant acceptedAt,
                            boolean optedOut, UUID referredBy, Map<String, Object> attributes) {

    static final int MAX_TEXT = 200;
    /** The longest name (and company) a contact takes. */
    public static final int MAX_NAME = MAX_TEXT;

    /** Validates {@code input}; field names in errors are prefixed with {@code prefix} (e.g. for CSV columns). */
    public static ContactFields from(ContactInput input, String defaultSource, Validator errors) {
        String country = blankToNull(input.country());
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!Countries.isIsoAlpha2(country)) {
                errors.add("country", "'" + input.country() + "' is not an ISO 3166 alpha-2 country code");
                country = null;
            }
        }
        String phone = null;
        String zoneFromPhone = null;
        if (blankToNull(input.phone()) == null) {
            errors.add("phone", "is required");
        } else {
            var parsed = PhoneNumbers.parse(input.phone(), country);
            if (parsed.isEmpty()) {
                errors.add("phone", "'" + input.phone() + "' is not a valid phone number;"
                        + " use international format such as +49 30 12345678");
            } else {
                phone = parsed.get().e164();
                zoneFromPhone = parsed.get().timeZone();
                if (country == null) {
                    country = parsed.get().region();
                }
            }
        }
        String timeZone = blankToNull(input.timeZone());
        if (timeZone != null) {
            try {
                timeZone = ZoneId.of(timeZone).getId();
            } catch (DateTimeException e) {
                errors.add("timeZone", "'" + input.timeZone() + "' is not an IANA time zone such as Asia/Shanghai");
            }
        } else {
            timeZone = zoneFromPhone != null ? zoneFromPhone : "UTC";
        }
        String language = blankToNull(input.language());
        if (language != null) {
            try {
                Locale locale = new Locale.Builder().setLanguageTag(language).build();
                if (locale.getLanguage().isEmpty()) {
                    throw new IllformedLocaleException("no language");
                }
                language = locale.toLanguageTag();
            } catch (IllformedLocaleException e) {
                errors.add("language", "'" + input.language() + "' is not a BCP 47 language tag such as en or zh-CN");
            }
        }
        String source = blankToNull(input.source()) == null ? defaultSource : input.source().trim();
        if (Source.fromWire(source) == null) {
            errors.add("source", "'" + source + "' is not one of: " + Source.ALLOWED);
        }
        String stage = blankToNull(input.stage()) == null ? ContactStage.NEW.wire() : input.stage().trim();
        if (ContactStage.fromWire(stage) == null) {
            errors.add("stage", "'" + stage + "' is not one of: new, engaged, inquiry, quoted, customer,"
                    + " repeat_customer, churned");
        }
        TextRules.checkLine(errors, "name", input.name(), MAX_TEXT);
        TextRules.checkLine(errors, "company", input.company(), MAX_TEXT);
        AttributeRules.check(errors, "attributes", input.attributes());
        TextRules.checkOwner(errors, "owner", input.owner());
        return new ContactFields(phone, blankToNull(input.name()), blankToNull(input.company()), country, language,
                timeZone, source, blankToNull(input.owner()), stage, input.acceptedAt(),
                Boolean.TRUE.equals(input.optedOut()), input.referredBy(),
                input.attributes() == null ? Map.of() : input.attributes());
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
