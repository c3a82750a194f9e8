package io.chatroi.contacts.deal;

import io.chatroi.common.input.MoneyRules;
import io.chatroi.common.problem.Validator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;

/**
 * Validates a deal's timeline and amounts. A deal may be created at any stage with the timestamps of the stages it
 * passed (integrators import history), but the timeline must be ordered: no quote or win before the inquiry.
 */
public final class DealRules {

    private DealRules() {
    }

    /** Fills the timestamps a stage implies but the caller left out, using {@code now}. */
    public static DealState withDefaults(DealState deal, Instant now) {
        Instant inquiryAt = deal.inquiryAt();
        Instant quotedAt = deal.quotedAt();
        Instant wonAt = deal.wonAt();
        Instant lostAt = deal.lostAt();
        DealStage stage = deal.stage();
        if (stage == DealStage.WON && wonAt == null) {
            wonAt = now;
        }
        if (stage == DealStage.LOST && lostAt == null) {
            lostAt = now;
        }
        if (stage == DealStage.QUOTED && quotedAt == null) {
            quotedAt = now;
        }
        if (inquiryAt == null) {
            inquiryAt = earliest(quotedAt, wonAt, lostAt, now);
        }
        String currency = deal.currency() == null ? null : deal.currency().toUpperCase();
        return new DealState(stage, inquiryAt, quotedAt, deal.quoteAmount(), wonAt, lostAt, deal.orderAmount(),
                deal.profit(), currency);
    }

    public static void validate(DealState deal, Validator errors) {
        if (deal.stage() == null) {
            errors.add("stage", "must be one of inquiry, quoted, won, lost");
            return;
        }
        before(deal.inquiryAt(), "inquiryAt", deal.quotedAt(), "quotedAt", errors);
        before(deal.inquiryAt(), "inquiryAt", deal.wonAt(), "wonAt", errors);
        before(deal.quotedAt(), "quotedAt", deal.wonAt(), "wonAt", errors);
        before(deal.inquiryAt(), "inquiryAt", deal.lostAt(), "lostAt", errors);
        MoneyRules.check(errors, "quoteAmount", deal.quoteAmount(), deal.currency());
        MoneyRules.check(errors, "orderAmount", deal.orderAmount(), deal.currency());
        MoneyRules.check(errors, "profit", deal.profit(), deal.currency());
        nonNegative(deal.quoteAmount(), "quoteAmount", errors);
        nonNegative(deal.orderAmount(), "orderAmount", errors);
        if (deal.stage() == DealStage.WON && deal.orderAmount() == null) {
            errors.add("orderAmount", "is required when a deal is won");
        }
        if (deal.stage() != DealStage.WON && deal.wonAt() != null) {
            errors.add("wonAt", "is only allowed on a won deal");
        }
        if (deal.stage() != DealStage.LOST && deal.lostAt() != null) {
            errors.add("lostAt", "is only allowed on a lost deal");
        }
        if (deal.profit() != null && deal.orderAmount() != null && deal.profit().compareTo(deal.orderAmount()) > 0) {
            errors.add("profit", "cannot exceed orderAmount");
        }
        boolean hasMoney = deal.quoteAmount() != null || deal.orderAmount() != null || deal.profit() != null;
        if (hasMoney && deal.currency() == null) {
            errors.add("currency", "is required with an amount (ISO 4217, e.g. USD)");
        }
        if (deal.currency() != null && !isCurrency(deal.currency())) {
            errors.add("currency", "'" + deal.currency() + "' is not an ISO 4217 currency code");
        }
    }

    public static void validateMove(DealStage from, DealStage to, Validator errors) {
        if (to != null && !from.canMoveTo(to)) {
            errors.add("stage", "cannot move a " + from.wire() + " deal to " + to.wire());
        }
    }

    private static void before(Instant first, String firstName, Instant second, String secondName, Validator errors) {
        if (first != null && second != null && second.isBefore(first)) {
            errors.add(secondName, "cannot be before " + firstName);
        }
    }

    private static void nonNegative(BigDecimal amount, String field, Validator errors) {
        if (amount != null && amount.signum() < 0) {
            errors.add(field, "must be >= 0");
        }
    }

    private static boolean isCurrency(String code) {
        try {
            return code.length() == 3 && Currency.getInstance(code) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Instant earliest(Instant... instants) {
        Instant min = null;
        for (Instant instant : instants) {
            if (instant != null && (min == null || instant.isBefore(min))) {
                min = instant;
            }
        }
        return min;
    }
}
