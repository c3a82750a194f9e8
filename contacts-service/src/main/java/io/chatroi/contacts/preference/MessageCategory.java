package io.chatroi.contacts.preference;

/** WhatsApp template categories, which decide which contact rules apply to a send. */
public enum MessageCategory {
    MARKETING, UTILITY, AUTHENTICATION, SERVICE;

    public String wire() {
        return name().toLowerCase();
    }

    public static MessageCategory fromWire(String value) {
        for (MessageCategory category : values()) {
            if (category.wire().equals(value)) {
                return category;
            }
        }
        return null;
    }
}
