package io.chatroi.campaigns.dispatch;

/**
 * Whether a send can reach its contact. A phone always can. A WhatsApp user known by username alone has only a
 * business-scoped user id (BSUID): the Cloud API takes it in its {@code recipient} field, other providers cannot,
 * and Meta refuses authentication templates to a BSUID (error 131062: one-tap, zero-tap and copy-code templates
 * need a phone number), so such sends are skipped with a reason instead of failing at the provider.
 */
public final class Recipients {

    /** Skip reasons, as the send's {@code reason}. */
    public static final String NO_ADDRESS = "no_phone_or_user_id";
    public static final String PROVIDER_NEEDS_PHONE = "provider_needs_phone";
    public static final String AUTHENTICATION_NEEDS_PHONE = "authentication_needs_phone";

    private Recipients() {
    }

    /** Null when the send may go; otherwise why it is skipped. */
    public static String skipReason(String phone, String userId, String category, boolean providerReachesUserIds) {
        if (phone != null) {
            return null;
        }
        if (userId == null) {
            return NO_ADDRESS;
        }
        if (!providerReachesUserIds) {
            return PROVIDER_NEEDS_PHONE;
        }
        return "authentication".equals(category) ? AUTHENTICATION_NEEDS_PHONE : null;
    }
}
