package io.chatroi.metrics.kpi;

import java.math.BigDecimal;

/**
 * ROI of seed 001 (docs/kpis.md section 4). Value has four parts: direct sales, repeat orders (LTV uplift), lead value and
 * brand value; {@code roi} counts the first two, {@code roiExtended} all four, {@code valueToCost} is all value over
 * cost as seed 001 literally writes it. All null when the cost is zero.
 */
public final class RoiMath {

    private RoiMath() {
    }

    public record Parts(BigDecimal direct, BigDecimal repeat, BigDecimal leadValue, BigDecimal brand, BigDecimal cost) {

        public BigDecimal totalValue() {
            return direct.add(repeat).add(leadValue).add(brand);
        }
    }

    public record Result(Double roi, Double roiExtended, Double valueToCost) {
    }

    public static Result of(Parts parts) {
        BigDecimal sales = parts.direct().add(parts.repeat());
        return new Result(KpiMath.roi(sales, parts.cost()), KpiMath.roi(parts.totalValue(), parts.cost()),
                KpiMath.ratio(parts.totalValue(), parts.cost()));
    }
}
