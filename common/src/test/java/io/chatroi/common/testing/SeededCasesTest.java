package io.chatroi.common.testing;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeededCasesTest {

    @Test
    void everyRunTriesTheSameCasesAndAFailureNamesTheSeedThatReplaysIt() {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        SeededCases.check("collect", 50, 42L, random -> first.add(HostileValues.text(random)));
        SeededCases.check("collect", 50, 42L, random -> second.add(HostileValues.text(random)));
        assertThat(first).hasSize(50).isEqualTo(second);
        // unrelated seeds per case (edge values may repeat, little else does)
        assertThat(new java.util.HashSet<>(first)).hasSizeGreaterThan(40);

        int failing = 17;
        long seed = SeededCases.caseSeed(42L, failing);
        String value = HostileValues.text(new Random(seed));
        assertThatThrownBy(() -> SeededCases.check("fails on one case", 50, 42L,
                random -> assertThat(HostileValues.text(random)).isNotEqualTo(value)))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("fails on one case failed on case " + failing + " with seed " + seed
                        + " (replay it with -Dchatroi.seed=" + seed + ")");
    }

    @Test
    void theGeneratorsReachTheHostileValues() {
        List<String> texts = new ArrayList<>();
        List<java.math.BigDecimal> numbers = new ArrayList<>();
        SeededCases.check("generate", 2000, 7L, random -> {
            texts.add(HostileValues.text(random));
            numbers.add(HostileValues.decimal(random, new java.math.BigDecimal("1e12"), 2));
        });
        for (char control = 0; control < 0x20; control++) {
            char c = control;
            assertThat(texts).as("some text holds U+%04X", (int) c).anyMatch(t -> t.indexOf(c) >= 0);
        }
        assertThat(texts).anyMatch(String::isEmpty).anyMatch(t -> t.length() > 10_000)
                .anyMatch(t -> t.codePoints().anyMatch(Character::isSupplementaryCodePoint))
                // an unpaired surrogate: codePoints() gives it back as itself
                .anyMatch(t -> t.codePoints().anyMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF));
        assertThat(numbers).anyMatch(n -> n.scale() < -1_000_000).anyMatch(n -> n.scale() > 1_000_000)
                .anyMatch(n -> n.signum() < 0).anyMatch(n -> n.precision() > 20)
                .anyMatch(n -> n.scale() == 2 && n.compareTo(java.math.BigDecimal.TEN) < 0);
    }
}
