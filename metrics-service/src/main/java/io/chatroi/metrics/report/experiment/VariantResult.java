package io.chatroi.metrics.report.experiment;

import io.chatroi.metrics.kpi.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * One arm of an experiment: its sends, goal conversions and credited revenue and, for every arm but the control, the
 * comparison with the control (null on the control's own row): of conversion rates, or of revenue per send when the
 * goal is revenue.
 */
public record VariantResult(String variant, boolean control, long sends, long conversions,
                            @Schema(nullable = true, description = "conversions / sends; null without sends")
                            Double rate,
                            @Schema(nullable = true, description = "rate - the control's rate (revenue goal: revenue"
                                    + " per send - the control's); null on the control and when an arm has no sends")
                            Double differenceVsControl,
                            @Schema(nullable = true, description = "95% confidence interval of the difference, low end")
                            Double ci95Low,
                            @Schema(nullable = true, description = "95% confidence interval of the difference, high"
                                    + " end") Double ci95High,
                            @Schema(nullable = true) Double z,
                            @Schema(nullable = true, description = "two-sided p-value: two-proportion z-test, or"
                                    + " Welch's test of revenue per send for the revenue goal") Double pValue,
                            @Schema(nullable = true, description = "p < 0.05 and both arms have the minimum sample;"
                                    + " null on the control") Boolean significant,
                            @Schema(description = "won deals (shop orders among them) of this arm's recipients inside"
                                    + " the goal window, credited to this campaign or to none: " + Money.DESCRIPTION)
                            BigDecimal revenue,
                            @Schema(nullable = true, description = "revenue / sends; null without sends")
                            Double revenuePerSend) {
}
