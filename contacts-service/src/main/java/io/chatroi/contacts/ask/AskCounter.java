package io.chatroi.contacts.ask;

import io.chatroi.contacts.classification.TextClassifier;
import io.chatroi.contacts.classification.TriggerRule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Counts inbound messages by the trigger rules they fire, with the same matching that classifies them (so Chinese,
 * which has no spaces, is counted by its configured phrases, never by tokens). A message counts once per term it
 * contains, and once per rule and language however many of the rule's terms of that language it contains.
 */
public final class AskCounter {

    /** How messages are cut into periods. */
    public enum Period {
        NONE, DAY, WEEK, MONTH;

        public static Period of(String value) {
            if (value == null || value.isBlank()) {
                return NONE;
            }
            for (Period p : values()) {
                if (p.name().equalsIgnoreCase(value)) {
                    return p;
                }
            }
            return null;
        }

        public String wire() {
            return name().toLowerCase();
        }

        String key(Instant at, ZoneId zone) {
            var day = at.atZone(zone).toLocalDate();
            return switch (this) {
                case NONE -> "total";
                case DAY -> day.toString();
                case WEEK -> String.format(Locale.ROOT, "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                        day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                case MONTH -> day.toString().substring(0, 7);
            };
        }
    }

    private record Key(String period, String level, String kind, String label, String term, String language) {
    }

    private final TextClassifier classifier;
    private final Period period;
    private final ZoneId zone;
    private final Map<Key, Long> counts = new HashMap<>();

    public AskCounter(TextClassifier classifier, Period period, ZoneId zone) {
        this.classifier = classifier;
        this.period = period;
        this.zone = zone;
    }

    public void add(Instant at, String text) {
        List<TriggerRule> matched = classifier.matches(text);
        if (matched.isEmpty()) {
            return;
        }
        String key = period.key(at, zone);
        Set<Key> seen = new LinkedHashSet<>();
        for (TriggerRule rule : matched) {
            String language = TextClassifier.language(rule.phrase());
            String kind = rule.kind().wire();
            seen.add(new Key(key, "term", kind, rule.label(), rule.phrase(), language));
            seen.add(new Key(key, "rule", kind, rule.label(), null, language));
        }
        seen.forEach(k -> counts.merge(k, 1L, Long::sum));
    }

    /** The top {@code limit} of each (period, level, language), most messages first, then by label and term. */
    public List<TopAsks.Ask> top(int limit) {
        Map<String, List<Map.Entry<Key, Long>>> groups = new HashMap<>();
        counts.entrySet().forEach(e -> groups.computeIfAbsent(
                e.getKey().period() + "|" + e.getKey().level() + "|" + e.getKey().language(),
                g -> new ArrayList<>()).add(e));
        Comparator<Map.Entry<Key, Long>> order = Comparator.<Map.Entry<Key, Long>>comparingLong(Map.Entry::getValue)
                .reversed().thenComparing(e -> e.getKey().kind()).thenComparing(e -> e.getKey().label())
                .thenComparing(e -> e.getKey().term() == null ? "" : e.getKey().term());
        List<TopAsks.Ask> out = new ArrayList<>();
        for (List<Map.Entry<Key, Long>> group : groups.values()) {
            group.sort(order);
            for (int i = 0; i < Math.min(limit, group.size()); i++) {
                Key k = group.get(i).getKey();
                out.add(new TopAsks.Ask(k.period(), k.level(), k.kind(), k.label(), k.term(), k.language(),
                        group.get(i).getValue(), i + 1));
            }
        }
        out.sort(Comparator.comparing(TopAsks.Ask::period).thenComparing(TopAsks.Ask::level)
                .thenComparing(TopAsks.Ask::language).thenComparingInt(TopAsks.Ask::rank));
        return out;
    }
}
