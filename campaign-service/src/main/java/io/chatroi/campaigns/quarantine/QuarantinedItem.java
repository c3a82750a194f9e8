package io.chatroi.campaigns.quarantine;

/**
 * One part of a signed delivery that could not be stored as data: {@code kind} is delivery (the whole body was
 * unreadable), status, message, preference or error; {@code position} its index among those of its kind in the
 * delivery; {@code reference} its id as sent (control characters shown escaped); {@code raw} the body's bytes when
 * the whole delivery was set aside.
 */
public record QuarantinedItem(String kind, int position, String reference, String reason, byte[] raw) {

    /** The whole delivery, set aside with its raw bytes. */
    public static QuarantinedItem whole(byte[] body, String reason) {
        return new QuarantinedItem("delivery", 0, null, shown(reason.length() > 500 ? reason.substring(0, 500) : reason),
                body);
    }

    /** {@code value} with control characters written as \\uXXXX, safe to store and show. */
    static String shown(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), WebhookTriage.MAX_ID) + 8);
        for (int i = 0; i < value.length() && out.length() < WebhookTriage.MAX_ID; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
