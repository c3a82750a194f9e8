package io.chatroi.campaigns.order;

import io.chatroi.common.phone.PhoneNumbers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The phones an order can be matched by, in E.164: national numbers are read in the order's country (a shop's
 * "0151 2345678" in Germany is +491512345678), international ones as they are. Invalid numbers are left out;
 * duplicates count once, the first spelling's position wins.
 */
public final class OrderPhones {

    private OrderPhones() {
    }

    public static List<String> normalise(Collection<String> raw, String country) {
        List<String> phones = new ArrayList<>();
        for (String value : raw) {
            String e164 = PhoneNumbers.e164(value, country);
            if (e164 != null && !phones.contains(e164)) {
                phones.add(e164);
            }
        }
        return phones;
    }
}
