package io.chatroi.contacts.contact;

/** A contact's lifecycle stage; deals move it forward (inquiry, quoted, customer, repeat customer). */
public enum ContactStage {
    NEW, ENGAGED, INQUIRY, QUOTED, CUSTOMER, REPEAT_CUSTOMER, CHURNED;

    public String wire() {
        return name().toLowerCase();
    }

    public static ContactStage fromWire(String value) {
        for (ContactStage stage : values()) {
            if (stage.wire().equals(value)) {
                return stage;
            }
        }
        return null;
    }

    /** A contact who writes to us is at least engaged. */
    public ContactStage afterInbound() {
        return this == NEW ? ENGAGED : this;
    }

    /**
     * The stage after one of the contact's deals moved: a win makes a customer, a second win a repeat customer;
     * an open deal moves a lead forward but never demotes a customer.
     */
    public ContactStage afterDeal(String dealStage, int wonDeals) {
        if (wonDeals >= 2) {
            return REPEAT_CUSTOMER;
        }
        if (wonDeals == 1) {
            return this == REPEAT_CUSTOMER ? REPEAT_CUSTOMER : CUSTOMER;
        }
        ContactStage reached = switch (dealStage) {
            case "quoted" -> QUOTED;
            case "inquiry" -> INQUIRY;
            default -> this;
        };
        if (this == CUSTOMER || this == REPEAT_CUSTOMER) {
            return this;
        }
        return this == CHURNED || reached.ordinal() > ordinal() ? reached : this;
    }
}
