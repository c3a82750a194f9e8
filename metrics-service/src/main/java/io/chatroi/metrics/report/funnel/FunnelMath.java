package io.chatroi.metrics.report.funnel;

import io.chatroi.metrics.kpi.KpiMath;

/**
 * The funnel's arithmetic: conversion from the previous stage, drop-off, and the transition that loses the largest
 * share (the first of equal ones). A stage after an empty one has neither conversion nor drop-off.
 */
public final class FunnelMath {

    private FunnelMath() {
    }

    /** Per stage of {@code counts} (in funnel order): conversion from the previous stage and the drop-off. */
    public record Step(Double conversionFromPrevious, Double dropOff) {
    }

    public static Step step(long[] counts, int stage) {
        Double conversion = stage == 0 ? null : KpiMath.ratio(counts[stage], counts[stage - 1]);
        return new Step(conversion, conversion == null ? null : KpiMath.round(1 - conversion));
    }

    /** The index of the stage the largest drop-off leads into, or -1 when no stage has a drop-off. */
    public static int largestDropOff(long[] counts) {
        int worst = -1;
        double worstDrop = -1;
        for (int i = 1; i < counts.length; i++) {
            Double drop = step(counts, i).dropOff();
            if (drop != null && drop > worstDrop) {
                worstDrop = drop;
                worst = i;
            }
        }
        return worst;
    }
}
