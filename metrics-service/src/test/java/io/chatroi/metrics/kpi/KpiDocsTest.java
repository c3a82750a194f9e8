package io.chatroi.metrics.kpi;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docs/kpis.md} is written from {@link KpiCatalog}, the catalogue {@code GET /api/v1/kpis/catalog} serves, so
 * the document and the product cannot disagree. This test fails when they drift; {@code -Dchatroi.docs.update=true}
 * rewrites the document: {@code ./mvnw -B -o -q verify -pl metrics-service -am -Dtest=KpiDocsTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dchatroi.docs.update=true}.
 */
class KpiDocsTest {

    private static final Path DOC = Path.of("..", "docs", "kpis.md");

    private static final Map<String, String> STAGES = Map.of(
            "message", "Messages and campaigns",
            "reach", "Funnel stage 1: reach and acquire",
            "interact", "Funnel stage 2: activate and interact",
            "convert", "Funnel stage 3: convert and close",
            "retain", "Funnel stage 4: retain and refer",
            "roi", "Return on investment");

    private static final List<String> STAGE_ORDER = List.of("message", "reach", "interact", "convert", "retain", "roi");

    @Test
    void theKpiDocumentIsTheCatalogue() throws IOException {
        String generated = render(KpiCatalog.all());
        if (Boolean.getBoolean("chatroi.docs.update")) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(DOC)).as(DOC + " is missing: run this test with -Dchatroi.docs.update=true").isTrue();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/kpis.md drifted from KpiCatalog: run this test with -Dchatroi.docs.update=true")
                .isEqualTo(generated);
    }

    static String render(List<Kpi> kpis) {
        StringBuilder md = new StringBuilder();
        md.append("""
                # KPI catalogue

                <!-- Generated from metrics-service's KpiCatalog by KpiDocsTest: edit the catalogue, not this file. -->

                Every KPI that ChatROI reports, as `GET /api/v1/kpis/catalog` serves it: the id a report uses, its name in
                English and Chinese, how it is computed from the counts of a range, its unit, which direction is good, and
                its benchmark band where the source gives one. Reports rate each value against its band: **best**,
                **benchmark** or **below** (edges count as the better rating; a value between the benchmark's top and best
                is still benchmark), and **unrated** when the KPI has no band or no value. A ratio whose denominator is zero
                has no value (`null`), never 0.

                The *source* column names the study the rule comes from:

                | source | what it covers |
                |---|---|
                | seeds/000 | A sales team's WhatsApp funnel in four stages (reach, interact, convert, retain), weekly scorecards per salesperson |
                | seeds/001 | The return on messaging: explicit and hidden costs, direct sales, lead value, repeat business and brand value |
                | seeds/002 | Tags and tiers: activity windows, purchase intent, interests, communication preferences |
                | seeds/003 | Conversation numbers: volume, response time, resolution time, conversation conversion |
                | seeds/004 | Campaign KPIs with benchmark bands: open rate, CTR, opt-out, conversion, ROAS, cost per lead |
                """);
        for (String stage : STAGE_ORDER) {
            List<Kpi> inStage = kpis.stream().filter(k -> k.stage().equals(stage)).toList();
            if (inStage.isEmpty()) {
                continue;
            }
            md.append("\n## ").append(STAGES.getOrDefault(stage, stage)).append("\n\n");
            md.append("| id | name | 中文 | formula | unit | better | band | source |\n");
            md.append("|---|---|---|---|---|---|---|---|\n");
            for (Kpi k : inStage) {
                md.append("| `").append(k.id()).append("` | ").append(k.name()).append(" | ").append(k.nameZh())
                        .append(" | ").append(k.formula().replace("|", "\\|")).append(" | ").append(k.unit())
                        .append(" | ").append(k.better().wire()).append(" | ").append(band(k)).append(" | ")
                        .append(k.source()).append(" |\n");
            }
        }
        List<String> unknown = kpis.stream().map(Kpi::stage).filter(s -> !STAGE_ORDER.contains(s)).distinct()
                .toList();
        assertThat(unknown).as("stages the document has no section for").isEmpty();
        return md.toString();
    }

    private static String band(Kpi k) {
        Band b = k.bands();
        if (b == null) {
            return "-";
        }
        return k.better() == Better.HIGHER
                ? "benchmark " + number(b.benchmarkFrom(), k.unit()) + " to " + number(b.benchmarkTo(), k.unit())
                        + ", best from " + number(b.best(), k.unit())
                : "best up to " + number(b.best(), k.unit()) + ", benchmark up to " + number(b.benchmarkTo(), k.unit());
    }

    private static String number(double value, String unit) {
        if (KpiCatalog.RATIO.equals(unit)) {
            return trim(String.format(Locale.ROOT, "%.2f", value * 100)) + "%";
        }
        String text = trim(String.format(Locale.ROOT, "%.3f", value));
        return KpiCatalog.SECONDS.equals(unit) ? text + " s" : KpiCatalog.MULTIPLE.equals(unit) ? text + "x" : text;
    }

    private static String trim(String number) {
        return number.contains(".") ? number.replaceAll("0+$", "").replaceAll("\\.$", "") : number;
    }
}
