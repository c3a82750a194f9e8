package io.chatroi.contacts.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Create a deal at any stage with the timestamps of the stages it passed, or (as a merge patch) move it. */
public record DealInput(UUID contactId, String stage, Instant inquiryAt, Instant quotedAt, BigDecimal quoteAmount,
                        Instant wonAt, Instant lostAt, BigDecimal orderAmount, BigDecimal profit, String currency,
                        UUID campaignId, String owner) {
}
