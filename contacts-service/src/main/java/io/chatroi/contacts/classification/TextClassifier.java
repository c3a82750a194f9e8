package io.chatroi.contacts.classification;

import io.chatroi.contacts.tier.IntentTier;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Classifies inbound text by trigger phrases (docs/tiers.md). Latin phrases match whole words, so "ok" does not
 * fire inside "book"; phrases in scripts without spaces (Chinese) match as substrings. Opt-out is deliberately
 * strict: the whole message must be the opt-out word, so "don't stop sending offers" keeps the contact subscribed.
 */
public final class TextClassifier {

    private record CompiledRule(TriggerRule rule, Pattern pattern) {
    }

    private final List<CompiledRule> rules;
    private final Set<String> optOutWords;
    private final List<TriggerRule> optOutRules;

    public TextClassifier(List<TriggerRule> rules) {
        this.rules = new ArrayList<>();
        this.optOutWords = new TreeSet<>();
        this.optOutRules = new ArrayList<>();
        for (TriggerRule rule : rules) {
            String phrase = normalise(rule.phrase());
            if (rule.kind() == RuleKind.OPT_OUT) {
                optOutWords.add(stripPunctuation(phrase));
                optOutRules.add(rule);
            } else {
                this.rules.add(new CompiledRule(rule, compile(phrase)));
            }
        }
    }

    public Classification classify(String text) {
        if (text == null || text.isBlank()) {
            return Classification.NOTHING;
        }
        String normalised = normalise(text);
        IntentTier intent = null;
        Set<String> interests = new TreeSet<>();
        for (CompiledRule compiled : rules) {
            if (!compiled.pattern.matcher(normalised).find()) {
                continue;
            }
            TriggerRule rule = compiled.rule;
            if (rule.kind() == RuleKind.INTENT) {
                IntentTier signal = IntentTier.fromWire(rule.label());
                if (signal != null && signal.strongerThan(intent)) {
                    intent = signal;
                }
            } else {
                interests.add(rule.label());
            }
        }
        return new Classification(intent, Set.copyOf(interests), optOutWords.contains(stripPunctuation(normalised)));
    }

    /**
     * Every rule the text triggers, by the same matching as {@link #classify}: the intent and interest phrases it
     * contains, and the opt-out phrase that is the whole message. Counted by "what customers ask most".
     */
    public List<TriggerRule> matches(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String normalised = normalise(text);
        List<TriggerRule> matched = new ArrayList<>();
        for (CompiledRule compiled : rules) {
            if (compiled.pattern.matcher(normalised).find()) {
                matched.add(compiled.rule);
            }
        }
        String bare = stripPunctuation(normalised);
        for (TriggerRule rule : optOutRules) {
            if (bare.equals(stripPunctuation(normalise(rule.phrase())))) {
                matched.add(rule);
            }
        }
        return matched;
    }

    /** The language of a trigger phrase: Chinese when it holds Han characters, else English. */
    public static String language(String phrase) {
        return phrase.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                ? "zh" : "en";
    }

    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).trim()
                .replaceAll("\\s+", " ");
    }

    private static String stripPunctuation(String text) {
        return text.replaceAll("[\\p{P}\\p{S}\\s]+", " ").trim();
    }

    private static Pattern compile(String phrase) {
        boolean spaceless = phrase.codePoints().anyMatch(TextClassifier::isSpacelessScript);
        String quoted = Pattern.quote(phrase);
        return spaceless ? Pattern.compile(quoted)
                : Pattern.compile("(?<![\\p{L}\\p{N}])" + quoted + "(?![\\p{L}\\p{N}])");
    }

    private static boolean isSpacelessScript(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI;
    }
}
