package io.chatroi.common.testing;

import java.util.Random;
import java.util.function.Consumer;

/**
 * A property checked over a fixed number of generated cases. Each case draws its values from its own {@link Random},
 * seeded from the test's fixed seed and the case's number, so every run tries the same cases. A failure names the
 * case's seed; {@code -Dchatroi.seed=<that seed>} runs just that case again.
 */
public final class SeededCases {

    /** Set to one case's seed (as printed by a failure) to replay only that case. */
    public static final String REPLAY = "chatroi.seed";

    private SeededCases() {
    }

    /** Runs {@code property} on {@code cases} cases derived from {@code seed}; rethrows the first failure with its seed. */
    public static void check(String property, int cases, long seed, Consumer<Random> check) {
        String replay = System.getProperty(REPLAY);
        if (replay != null && !replay.isBlank()) {
            long only = Long.parseLong(replay.trim());
            run(property, -1, only, check);
            return;
        }
        for (int i = 0; i < cases; i++) {
            run(property, i, caseSeed(seed, i), check);
        }
    }

    private static void run(String property, int index, long caseSeed, Consumer<Random> check) {
        try {
            check.accept(new Random(caseSeed));
        } catch (AssertionError | RuntimeException failure) {
            throw new AssertionError(property + " failed on case " + (index < 0 ? "(replayed)" : index)
                    + " with seed " + caseSeed + " (replay it with -D" + REPLAY + "=" + caseSeed + "): "
                    + failure.getMessage(), failure);
        }
    }

    /** SplitMix64's step: neighbouring cases get unrelated seeds. */
    static long caseSeed(long seed, int index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
