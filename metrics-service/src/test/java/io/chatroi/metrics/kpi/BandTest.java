package io.chatroi.metrics.kpi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BandTest {

    private static Rating rate(String kpi, Double value) {
        return KpiCatalog.value(kpi, value).rating();
    }

    @Test
    void openRateEdges() {
        assertThat(rate("openRate", 0.8499)).isEqualTo(Rating.BELOW);
        assertThat(rate("openRate", 0.85)).isEqualTo(Rating.BENCHMARK);
        assertThat(rate("openRate", 0.90)).isEqualTo(Rating.BENCHMARK);
        assertThat(rate("openRate", 0.93)).isEqualTo(Rating.BENCHMARK);
        assertThat(rate("openRate", 0.95)).isEqualTo(Rating.BEST);
        assertThat(rate("openRate", null)).isEqualTo(Rating.UNRATED);
    }

    @Test
    void ctrEdges() {
        assertThat(rate("ctr", 0.1499)).isEqualTo(Rating.BELOW);
        assertThat(rate("ctr", 0.15)).isEqualTo(Rating.BENCHMARK);
        assertThat(rate("ctr", 0.25)).isEqualTo(Rating.BENCHMARK);
        assertThat(rate("ctr", 0.2999)).isEqualTo(Rating.BENCHMARK);
        assertThat(rate("ctr", 0.30)).isEqualTo(Rating.BEST);
    }

    @Test
    void optOutRateIsBetterLower() {
        assertThat(rate("optOutRate", 0.0)).isEqualTo(Rating.BEST);
        assertThat(rate("optOutRate", 0.002)).isEqualTo(Rating.BEST);
        assertThat(rate("optOutRate", 0.0021)).isEqualTo(Rating.BENCHMARK);
        assertThat(rate("optOutRate", 0.003)).isEqualTo(Rating.BENCHMARK);
        assertThat(rate("optOutRate", 0.006)).isEqualTo(Rating.BENCHMARK);
        assertThat(rate("optOutRate", 0.0061)).isEqualTo(Rating.BELOW);
    }

    @Test
    void conversionAndRoasEdges() {
        assertThat(rate("conversionRate", 0.2999)).isEqualTo(Rating.BELOW);
        assertThat(rate("conversionRate", 0.30)).isEqualTo(Rating.BENCHMARK);
        assertThat(rate("conversionRate", 0.45)).isEqualTo(Rating.BENCHMARK);
        assertThat(rate("conversionRate", 0.50)).isEqualTo(Rating.BEST);
        assertThat(rate("roas", 4.99)).isEqualTo(Rating.BELOW);
        assertThat(rate("roas", 5.0)).isEqualTo(Rating.BENCHMARK);
        assertThat(rate("roas", 7.0)).isEqualTo(Rating.BENCHMARK);
        assertThat(rate("roas", 10.0)).isEqualTo(Rating.BEST);
    }

    @Test
    void responseTimeAndHighActivityShare() {
        assertThat(rate("medianResponseTime", 6.0)).isEqualTo(Rating.BEST);
        assertThat(rate("medianResponseTime", 15.0)).isEqualTo(Rating.BENCHMARK);
        assertThat(rate("medianResponseTime", 15.5)).isEqualTo(Rating.BELOW);
        assertThat(rate("highActivityShare", 0.1499)).isEqualTo(Rating.BELOW);
        assertThat(rate("highActivityShare", 0.15)).isEqualTo(Rating.BENCHMARK);
    }

    @Test
    void kpisWithoutBandAreUnrated() {
        assertThat(rate("deliveryRate", 0.99)).isEqualTo(Rating.UNRATED);
        assertThat(rate("replyRate", 0.3)).isEqualTo(Rating.UNRATED);
    }

    @Test
    void everyCatalogueEntryIsComplete() {
        assertThat(KpiCatalog.all()).hasSizeGreaterThanOrEqualTo(35);
        assertThat(KpiCatalog.all()).allSatisfy(k -> {
            assertThat(k.id()).isNotBlank();
            assertThat(k.name()).isNotBlank();
            assertThat(k.nameZh()).isNotBlank();
            assertThat(k.formula()).isNotBlank();
            assertThat(k.unit()).isNotBlank();
            assertThat(k.better()).isNotNull();
        });
    }
}
