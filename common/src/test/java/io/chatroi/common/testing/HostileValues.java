package io.chatroi.common.testing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;

/**
 * Hostile single values from a seeded {@link Random}, for property tests of the input rules and for
 * {@link HostileBodies}: arbitrary Unicode (NUL, every C0 control, DEL, unpaired surrogates, supplementary planes,
 * right-to-left overrides, separators), numbers far past any column (huge and tiny exponents, hundreds of digits)
 * and arbitrary bytes. Edge values (empty, one character, the column bounds) come up often on purpose.
 */
public final class HostileValues {

    private static final String SPECIAL = "\u0000\u0007\u001b\u007f\u200b\u202e\ufeff\ud800";
    private static final List<String> EDGE_TEXT = List.of("", " ", "\u0000", "\t", "\n", "\r\n", ",", "a,b", "\"",
            "'", ";", "|", "=1+1", "-", "\uD800", "\uDC00", "\uFFFF", "\u2028", "\u0085", "x".repeat(201),
            "x".repeat(10_001), "\uD83D\uDE00", "-12.5", "+49", "@x", "\t=x", "\r=x");
    private static final List<BigDecimal> EDGE_AMOUNTS = List.of(BigDecimal.ZERO, new BigDecimal("-0.01"),
            new BigDecimal("0.001"), new BigDecimal("0.005"), new BigDecimal("9999999999999999.99"),
            new BigDecimal("10000000000000000"), new BigDecimal("9999999999999999.995"), new BigDecimal("1e16"),
            new BigDecimal("1e20"), new BigDecimal("1e999999999"), new BigDecimal("-1e999999999"),
            new BigDecimal("1e-999999999"), new BigDecimal("9999999999.99"), new BigDecimal("10000000000"),
            new BigDecimal(BigInteger.TEN.pow(25)), new BigDecimal("100.50"), new BigDecimal("12.345"));

    private HostileValues() {
    }

    /**
     * Any text up to 300 UTF-16 units: often empty or an edge value, otherwise a mix of ASCII, any BMP character,
     * supplementary characters and controls. The same draws as {@link #anyText(Random, int)} for a random length,
     * plus the edges.
     */
    public static String text(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> EDGE_TEXT.get(random.nextInt(EDGE_TEXT.size()));
            case 1 -> controlsOnly(random, random.nextInt(5));
            default -> anyText(random, random.nextInt(301));
        };
    }

    /**
     * One time in three {@link #text(Random)}, otherwise a plain name (letters of several scripts, digits, spaces):
     * for a property over several fields, so that some cases pass every rule and reach what is stored.
     */
    public static String textOrPlain(Random random) {
        if (random.nextInt(3) == 0) {
            return text(random);
        }
        String letters = "abcXYZ019 -.'éøßЖжΩ张三李四ăşالعربية";
        StringBuilder plain = new StringBuilder();
        for (int i = 1 + random.nextInt(40); i > 0; i--) {
            plain.append(letters.charAt(random.nextInt(letters.length())));
        }
        return plain.toString().strip();
    }

    /** Any UTF-16 units: every plane, unpaired surrogates, controls, right-to-left overrides. */
    public static String anyText(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(switch (random.nextInt(4)) {
                case 0 -> (char) random.nextInt(0x80);
                case 1 -> (char) random.nextInt(0x10000);
                case 2 -> new String(Character.toChars(0x10000 + random.nextInt(0x100000)));
                default -> SPECIAL.charAt(random.nextInt(SPECIAL.length()));
            });
        }
        return text.toString();
    }

    /** A short text around C0 controls: every one of 0x00-0x1F and DEL comes up. */
    private static String controlsOnly(Random random, int letters) {
        StringBuilder text = new StringBuilder();
        text.append((char) (random.nextInt(4) == 0 ? 0x7F : random.nextInt(0x20)));
        for (int i = 0; i < letters; i++) {
            text.insert(random.nextInt(text.length() + 1), (char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    /**
     * Any decimal: an edge value, a plausible amount with {@code plausibleScale} decimals below
     * {@code plausibleBound}, or an unscaled integer of up to 25 digits, either sign, with a scale anywhere in
     * +-1,000,000,000 (so 1e999999999 and 1e-999999999 alike).
     */
    public static BigDecimal decimal(Random random, BigDecimal plausibleBound, int plausibleScale) {
        return switch (random.nextInt(4)) {
            case 0 -> EDGE_AMOUNTS.get(random.nextInt(EDGE_AMOUNTS.size()));
            case 1 -> plausible(random, plausibleBound, plausibleScale);
            default -> new BigDecimal(unscaled(random), scale(random));
        };
    }

    /** 0..bound with exactly {@code scale} decimals, of any magnitude (as many small amounts as large). */
    private static BigDecimal plausible(Random random, BigDecimal bound, int scale) {
        BigInteger max = bound.movePointRight(scale).toBigInteger();
        int bits = 1 + random.nextInt(max.bitLength());
        return new BigDecimal(new BigInteger(bits, random).mod(max.add(BigInteger.ONE)), scale);
    }

    private static BigInteger unscaled(Random random) {
        BigInteger magnitude = switch (random.nextInt(4)) {
            case 0 -> BigInteger.valueOf(random.nextInt(2001) - 1000);
            case 1 -> BigInteger.valueOf(random.nextLong() & Long.MAX_VALUE);
            default -> new BigInteger(1 + random.nextInt(84), random); // up to 10^25
        };
        return random.nextInt(4) == 0 ? magnitude.negate() : magnitude;
    }

    private static int scale(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(7) - 2;
            case 1 -> random.nextInt(41) - 20;
            default -> random.nextInt(2_000_000_001) - 1_000_000_000;
        };
    }

    /** Any long, the extremes and small values often. */
    public static long anyLong(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> List.of(0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE, 253402300799L, 253402300800L,
                    -62135596800L).get(random.nextInt(8));
            case 1 -> random.nextInt(2_000_000_000);
            default -> random.nextLong();
        };
    }

    /** Any bytes, up to {@code maxLength}: random, or JSON-like text cut anywhere. */
    public static byte[] bytes(Random random, int maxLength) {
        byte[] bytes = new byte[random.nextInt(maxLength + 1)];
        if (random.nextBoolean()) {
            random.nextBytes(bytes);
        } else {
            String jsonish = "{\"entry\":[{\"changes\":[{\"value\":{\"statuses\":[{\"id\":\"\u0000\",\"status\":"
                    + "\"read\",\"timestamp\":\"1e999\"}]}}]}]}";
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(10) == 0 ? (byte) random.nextInt(256)
                        : (byte) jsonish.charAt(i % jsonish.length());
            }
        }
        return bytes;
    }

    public static boolean anyBoolean(Random random) {
        return random.nextBoolean();
    }
}
