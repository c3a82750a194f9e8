package io.chatroi.metrics.cost;

/** Cost categories of seed 001; labour, learning and opportunity are hidden costs, the rest explicit. */
public enum CostCategory {
    SOFTWARE, PLATFORM_FEES, ACCOUNTS, PHONE_NUMBERS, MESSAGE_FEES, DATA, ADS, LABOR, LEARNING, OPPORTUNITY;

    public String wire() {
        return name().toLowerCase();
    }

    public String defaultKind() {
        return switch (this) {
            case LABOR, LEARNING, OPPORTUNITY -> "hidden";
            default -> "explicit";
        };
    }

    public static CostCategory fromWire(String value) {
        for (CostCategory category : values()) {
            if (category.wire().equals(value)) {
                return category;
            }
        }
        return null;
    }

    public static final String ALLOWED = "software, platform_fees, accounts, phone_numbers, message_fees, data, ads, labor,"
            + " learning, opportunity";

    public static String allowed() {
        return ALLOWED;
    }
}
