package io.chatroi.contacts.contact;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Where a contact came from; trade shows and B2B inquiries are the high-intent sources of docs/kpis.md section 2. */
public enum Source {
    TRADE_SHOW, B2B_INQUIRY, WEBSITE, SOCIAL, ADS_CTWA, REFERRAL, IMPORT, OTHER;

    public static final String ALLOWED = Arrays.stream(values()).map(Source::wire).collect(Collectors.joining(", "));

    public String wire() {
        return name().toLowerCase();
    }

    public static Source fromWire(String value) {
        for (Source source : values()) {
            if (source.wire().equals(value)) {
                return source;
            }
        }
        return null;
    }
}
