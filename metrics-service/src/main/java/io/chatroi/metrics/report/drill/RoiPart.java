package io.chatroi.metrics.report.drill;

import io.chatroi.common.problem.FieldError;

import java.util.List;

/**
 * The value parts of ROI that are made of deals: direct sales, repeat orders and lead value. Brand is an estimate
 * (the settings' monthly brand value for the range's days) with no rows behind it, so it has no list.
 */
public enum RoiPart {
    DIRECT("direct", DealList.DIRECT),
    REPEAT("repeat", DealList.REPEAT),
    LEAD_VALUE("leadValue", DealList.INQUIRIES);

    private final String wire;
    private final DealList deals;

    RoiPart(String wire, DealList deals) {
        this.wire = wire;
        this.deals = deals;
    }

    DealList deals() {
        return deals;
    }

    /** The part named {@code value}, or null with the field error added (brand's says why it has no list). */
    static RoiPart parse(String value, List<FieldError> errors) {
        if ("brand".equals(value)) {
            errors.add(new FieldError("part", "brand is an estimate (brandValueMonthly x days / 30) with no deals"
                    + " behind it: one of direct, repeat, leadValue"));
            return null;
        }
        for (RoiPart part : values()) {
            if (part.wire.equals(value)) {
                return part;
            }
        }
        errors.add(new FieldError("part", value == null || value.isBlank() ? "is required: direct, repeat or leadValue"
                : "must be one of direct, repeat, leadValue"));
        return null;
    }
}
