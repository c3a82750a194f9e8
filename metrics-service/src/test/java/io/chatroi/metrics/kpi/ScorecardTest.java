package io.chatroi.metrics.kpi;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScorecardTest {

    // Seed 000's table: 张三 15 @ 60%, 8 deep, 2 orders 8,500, 1 repurchase; 李四 25 @ 30%, 5, 1, 2,200, 0;
    // 王五 8 @ 85%, 6, 2, 12,000, 2.
    private static final List<Scorecard.Measures> SEED_000 = List.of(
            new Scorecard.Measures("张三", 0.60, 8, 2, 8500, 1, 0),
            new Scorecard.Measures("李四", 0.30, 5, 1, 2200, 0, 0),
            new Scorecard.Measures("王五", 0.85, 6, 2, 12000, 2, 0));

    @Test
    void partsAreSharesOfTheWeeksBest() {
        List<Scorecard.Score> scores = Scorecard.score(SEED_000, Scorecard.Weights.DEFAULT);
        Scorecard.Score zhang = scores.get(0);
        assertThat(zhang.process()).isCloseTo(100 * (0.60 / 0.85 + 1.0) / 2, within(0.01));
        assertThat(zhang.result()).isCloseTo(100 * (1.0 + 8500.0 / 12000) / 2, within(0.01));
        assertThat(zhang.bonus()).isCloseTo(100 * (0.5 + 0) / 2, within(0.01));
        assertThat(zhang.score()).isCloseTo(0.3 * zhang.process() + 0.5 * zhang.result() + 0.2 * zhang.bonus(),
                within(0.02));
        Scorecard.Score wang = scores.get(2);
        assertThat(wang.result()).isEqualTo(100.0);
        assertThat(wang.score()).isGreaterThan(zhang.score()).isGreaterThan(scores.get(1).score());
    }

    @Test
    void weightsAreConfigurable() {
        Scorecard.Weights resultOnly = Scorecard.Weights.of(Map.of("process", 0, "result", 1, "bonus", 0));
        List<Scorecard.Score> scores = Scorecard.score(SEED_000, resultOnly);
        assertThat(scores.get(2).score()).isEqualTo(100.0);
        assertThat(scores.get(1).score()).isCloseTo(100 * (0.5 + 2200.0 / 12000) / 2, within(0.01));
    }

    @Test
    void nobodyReachedAMeasure() {
        List<Scorecard.Score> scores = Scorecard.score(List.of(
                new Scorecard.Measures("a", null, 0, 0, 0, 0, 0)), Scorecard.Weights.DEFAULT);
        assertThat(scores.get(0).score()).isEqualTo(0.0);
        assertThat(Scorecard.score(List.of(new Scorecard.Measures("a", 0.5, 1, 0, 0, 0, 0)),
                new Scorecard.Weights(0, 0, 0)).get(0).score()).isEqualTo(0.0);
    }
}
