package io.chatroi.metrics.report.experiment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One arm of an experiment: its sends and goal conversions and, for every arm but the control, the comparison with
 * the control (null on the control's own row).
 */
public record VariantResult(String variant, boolean control, long sends, long conversions,
                            @Schema(nullable = true, description = "conversions / sends; null without sends")
                            Double rate,
                            @Schema(nullable = true, description = "rate - the control's rate; null on the control"
                                    + " and when an arm has no sends") Double differenceVsControl,
                            @Schema(nullable = true, description = "95% confidence interval of the difference, low end")
                            Double ci95Low,
                            @Schema(nullable = true, description = "95% confidence interval of the difference, high"
                                    + " end") Double ci95High,
                            @Schema(nullable = true) Double z,
                            @Schema(nullable = true, description = "two-sided p-value of the two-proportion z-test")
                            Double pValue,
                            @Schema(nullable = true, description = "p < 0.05 and both arms have the minimum sample;"
                                    + " null on the control") Boolean significant) {
}
