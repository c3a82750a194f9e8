package io.chatroi.contacts.deal;

import io.chatroi.common.input.MoneyRules;
import io.chatroi.common.input.TextRules;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Create a deal at any stage with the timestamps of the stages it passed, or (as a merge patch) move it. */
public record DealInput(UUID contactId, String stage, Instant inquiryAt, Instant quotedAt,
                        @Schema(maximum = MoneyRules.MAXIMUM) BigDecimal quoteAmount,
                        Instant wonAt, Instant lostAt, @Schema(maximum = MoneyRules.MAXIMUM) BigDecimal orderAmount,
                        @Schema(maximum = MoneyRules.MAXIMUM) BigDecimal profit, String currency,
                        UUID campaignId,
                        @Schema(maxLength = TextRules.MAX_OWNER, pattern = TextRules.OWNER_PATTERN) String owner) {
}
