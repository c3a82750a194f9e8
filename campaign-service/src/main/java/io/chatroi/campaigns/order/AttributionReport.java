package io.chatroi.campaigns.order;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Orders of a range with what each was credited to and why, the totals (attributed and unattributed revenue,
 * matched and unmatched orders) and revenue, orders and converted buyers per campaign and variant. Revenue is
 * what was paid less refunds; cancelled and unpaid orders count as orders but bring none.
 */
public record AttributionReport(Instant from, Instant to, Totals totals, List<CampaignVariant> byCampaign,
                                List<Item> items, boolean truncated) {

    public record Totals(long orders, long paidOrders, long matched, long unmatched, BigDecimal revenue,
                         BigDecimal attributedRevenue, BigDecimal unattributedRevenue, ByCredit byCredit) {
    }

    /** Orders per reason: link code, UTM, last click, last delivered send, none. */
    public record ByCredit(long link, long utm, long click, long send, long none) {
    }

    public record CampaignVariant(@Schema(nullable = true) UUID campaignId, @Schema(nullable = true) String campaignName, @Schema(nullable = true) String variant, long orders,
                                  long conversions, BigDecimal revenue) {
    }

    public record Item(UUID id, String source, String externalId, String status, Instant orderedAt,
                       BigDecimal amount, BigDecimal refunded, BigDecimal revenue, String currency, @Schema(nullable = true) String credit,
                       @Schema(nullable = true) UUID campaignId, @Schema(nullable = true) String campaignName, @Schema(nullable = true) String variant, @Schema(nullable = true) UUID sendId, @Schema(nullable = true) UUID contactId,
                       @Schema(nullable = true) UUID dealId) {
    }
}
