package io.chatroi.metrics.report.drill;

import io.chatroi.common.problem.FieldError;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The scorecard counts that open a list, by their names in a scorecard row: the contacts behind
 * newEffectiveContacts, deepInteractionContacts and referrals, the deals behind quotesSent, ordersWon (and
 * orderAmount, the same deals' amounts) and repurchasingCustomers.
 */
public enum ScorecardMeasure {
    NEW_EFFECTIVE_CONTACTS("newEffectiveContacts", null),
    DEEP_INTERACTION_CONTACTS("deepInteractionContacts", null),
    REFERRALS("referrals", null),
    QUOTES_SENT("quotesSent", DealList.QUOTED),
    ORDERS_WON("ordersWon", DealList.WON),
    ORDER_AMOUNT("orderAmount", DealList.WON),
    REPURCHASING_CUSTOMERS("repurchasingCustomers", DealList.REPEAT_CUSTOMERS);

    private final String wire;
    private final DealList deals;

    ScorecardMeasure(String wire, DealList deals) {
        this.wire = wire;
        this.deals = deals;
    }

    public String wire() {
        return wire;
    }

    /** The deals it lists; null for a measure that lists contacts. */
    DealList deals() {
        return deals;
    }

    /**
     * The measure named {@code value} among the contact measures ({@code contacts}) or the deal measures, or null with
     * the field error added.
     */
    static ScorecardMeasure parse(String value, boolean contacts, List<FieldError> errors) {
        List<ScorecardMeasure> allowed = Arrays.stream(values()).filter(m -> (m.deals == null) == contacts).toList();
        String names = allowed.stream().map(ScorecardMeasure::wire).collect(Collectors.joining(", "));
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("measure", "is required: one of " + names));
            return null;
        }
        ScorecardMeasure found = allowed.stream().filter(m -> m.wire.equals(value)).findFirst().orElse(null);
        if (found == null) {
            errors.add(new FieldError("measure", "must be one of " + names));
        }
        return found;
    }
}
