package io.chatroi.contacts.deal;

import java.math.BigDecimal;
import java.time.Instant;

/** The stage-relevant fields of a deal, as validated by {@link DealRules}. */
public record DealState(DealStage stage, Instant inquiryAt, Instant quotedAt, BigDecimal quoteAmount, Instant wonAt,
                        Instant lostAt, BigDecimal orderAmount, BigDecimal profit, String currency) {
}
