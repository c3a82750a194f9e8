package io.chatroi.campaigns.send;

import java.util.Arrays;
import java.util.Optional;

/**
 * The stages a campaign's counters count, each as the SQL test on a send ({@code s}) and its provider message
 * ({@code m}). The counters and the list behind each counter use the same test, so a drill-down lists exactly the
 * sends its count counted (a later stage includes the earlier ones: a read message is also delivered and sent).
 */
public enum SendStage {
    SENT("sent", "(s.status = 'sent' OR m.sent_at IS NOT NULL)"),
    DELIVERED("delivered", "m.delivered_at IS NOT NULL"),
    READ("read", "m.read_at IS NOT NULL"),
    REPLIED("replied", "s.replied_at IS NOT NULL"),
    REACTED("reacted", "s.reacted_at IS NOT NULL"),
    CLICKED("clicked", "s.clicked_at IS NOT NULL"),
    FAILED("failed", "(s.status = 'failed' OR m.status = 'failed')"),
    OPTED_OUT("optedOut", "s.opted_out_at IS NOT NULL");

    private final String key;
    private final String predicate;

    SendStage(String key, String predicate) {
        this.key = key;
        this.predicate = predicate;
    }

    /** The name the API uses (the counter's field name). */
    public String key() {
        return key;
    }

    /** The SQL condition on {@code sends s LEFT JOIN message_states m}. */
    public String predicate() {
        return predicate;
    }

    public static Optional<SendStage> ofKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    public static String keys() {
        return String.join(", ", Arrays.stream(values()).map(SendStage::key).toList());
    }
}
