package io.chatroi.contacts.classification;

/** What a trigger phrase signals: a purchase-intent tier, an interest group, or an opt-out request. */
public enum RuleKind {
    INTENT, INTEREST, OPT_OUT;

    public String wire() {
        return name().toLowerCase().replace('_', '-');
    }

    public static RuleKind fromWire(String value) {
        for (RuleKind kind : values()) {
            if (kind.wire().equals(value)) {
                return kind;
            }
        }
        return null;
    }
}
