package io.chatroi.contacts.identity;

import io.chatroi.common.input.TextRules;
import io.chatroi.common.problem.Validator;
import io.chatroi.common.whatsapp.BusinessScopedUserId;

/**
 * How WhatsApp names one user: the phone (E.164, when Meta shares it), the business-scoped user id (BSUID: an ISO
 * country code, a dot, then up to 128 letters and digits, a parent BSUID holding ENT in between) and the username.
 * At least the phone or the BSUID is known.
 */
public record WhatsAppIdentity(String phone, String userId, String username) {

    static final int MAX_USERNAME = 100;

    /** Checks the BSUID's shape and the username's length; field names are the API's. */
    public static void check(Validator errors, String userId, String username) {
        if (userId != null && !BusinessScopedUserId.isValid(userId)) {
            errors.add("whatsappUserId", "'" + userId + "' is not a business-scoped user id such as"
                    + " US.13491208655302741918");
        }
        TextRules.checkLine(errors, "username", username, MAX_USERNAME);
    }

    public static boolean isUserId(String value) {
        return BusinessScopedUserId.isValid(value);
    }
}
