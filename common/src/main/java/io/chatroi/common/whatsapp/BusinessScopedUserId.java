package io.chatroi.common.whatsapp;

import java.util.regex.Pattern;

/**
 * The shape of a WhatsApp business-scoped user id (BSUID): an ISO country code, a dot, then up to 128 letters and
 * digits, a parent BSUID holding ENT in between (US.13491208655302741918, US.ENT.11815799212886844830). Every
 * service that takes one from a caller checks it the same way.
 */
public final class BusinessScopedUserId {

    private static final Pattern SHAPE = Pattern.compile("^[A-Z]{2}\\.(ENT\\.)?[A-Za-z0-9]{1,128}$");

    private BusinessScopedUserId() {
    }

    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }
}
