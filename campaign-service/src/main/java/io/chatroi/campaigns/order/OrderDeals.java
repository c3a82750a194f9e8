package io.chatroi.campaigns.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The money of an order's deal: revenue is what was paid less refunds (nothing for a cancelled order); profit is
 * the shop's own profit scaled down by the refunds, else revenue times the configured gross margin, else unknown
 * (then the ROI report's basis says revenue).
 */
public final class OrderDeals {

    private OrderDeals() {
    }

    public static BigDecimal revenue(String status, BigDecimal amount, BigDecimal refunded) {
        if (!"paid".equals(status)) {
            return BigDecimal.ZERO.setScale(2);
        }
        return amount.subtract(refunded).max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
    }

    public static BigDecimal profit(BigDecimal revenue, BigDecimal amount, BigDecimal shopProfit,
                                    Optional<BigDecimal> grossMargin) {
        if (shopProfit != null) {
            if (amount.signum() == 0) {
                return BigDecimal.ZERO.setScale(2);
            }
            return shopProfit.multiply(revenue).divide(amount, 2, RoundingMode.HALF_UP);
        }
        return grossMargin.map(m -> revenue.multiply(m).setScale(2, RoundingMode.HALF_UP)).orElse(null);
    }
}
