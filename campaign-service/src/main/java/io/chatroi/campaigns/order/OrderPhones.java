package io.chatroi.campaigns.order;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The phones an order can be matched by, in E.164: national numbers are read in the order's country (a shop's
 * "0151 2345678" in Germany is +491512345678), international ones as they are. Invalid numbers are left out;
 * duplicates count once, the first spelling's position wins.
 */
public final class OrderPhones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private OrderPhones() {
    }

    public static List<String> normalise(Collection<String> raw, String country) {
        List<String> phones = new ArrayList<>();
        for (String value : raw) {
            String e164 = e164(value, country);
            if (e164 != null && !phones.contains(e164)) {
                phones.add(e164);
            }
        }
        return phones;
    }

    static String e164(String raw, String country) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String input = raw.strip();
        if (input.startsWith("00")) {
            input = "+" + input.substring(2);
        }
        String region = country == null || country.isBlank() ? "ZZ" : country.strip().toUpperCase(Locale.ROOT);
        try {
            PhoneNumber number = UTIL.parse(input, region);
            return UTIL.isValidNumber(number) ? UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            return null;
        }
    }
}
