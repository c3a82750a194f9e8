package io.chatroi.metrics.report.funnel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FunnelMathTest {

    @Test
    void conversionAndDropOffFromThePreviousStage() {
        long[] counts = {117, 48, 5, 3};
        assertThat(FunnelMath.step(counts, 0).conversionFromPrevious()).isNull();
        assertThat(FunnelMath.step(counts, 0).dropOff()).isNull();
        assertThat(FunnelMath.step(counts, 1).conversionFromPrevious()).isCloseTo(48.0 / 117, within(1e-6));
        assertThat(FunnelMath.step(counts, 1).dropOff()).isCloseTo(1 - 48.0 / 117, within(1e-6));
        assertThat(FunnelMath.step(counts, 3).conversionFromPrevious()).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void largestDropOffNamesTheStageItLeadsInto() {
        // 117 -> 48 loses 59%, 48 -> 5 loses 90%, 5 -> 3 loses 40%
        assertThat(FunnelMath.largestDropOff(new long[]{117, 48, 5, 3})).isEqualTo(2);
        // equal drop-offs: the first one
        assertThat(FunnelMath.largestDropOff(new long[]{100, 50, 25, 25})).isEqualTo(1);
    }

    @Test
    void aStageAfterAnEmptyOneHasNoDropOff() {
        assertThat(FunnelMath.step(new long[]{0, 0, 0, 0}, 1).conversionFromPrevious()).isNull();
        assertThat(FunnelMath.largestDropOff(new long[]{0, 0, 0, 0})).isEqualTo(-1);
        assertThat(FunnelMath.largestDropOff(new long[]{10, 0, 0, 0})).isEqualTo(1);
    }
}
