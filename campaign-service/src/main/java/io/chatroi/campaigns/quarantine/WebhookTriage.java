package io.chatroi.campaigns.quarantine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatroi.campaigns.receipt.Receipt;
import io.chatroi.campaigns.webhook.WebhookBatch;
import io.chatroi.campaigns.webhook.WebhookParser;
import io.chatroi.common.input.TextRules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a signed delivery into what can be stored and what cannot. Meta retries anything but a 200 for days, so a
 * signed delivery is never refused for its content: the parts the database cannot take (a NUL in an id, a
 * timestamp past any calendar, an unreadable body) are set aside as {@link QuarantinedItem}s with the reason, and
 * the rest is stored as usual. Plain rules, no I/O.
 */
public final class WebhookTriage {

    /** Longest id, status or phone taken from a delivery (Meta's message ids are about 60 characters). */
    static final int MAX_ID = 256;
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private WebhookTriage() {
    }

    /** The usable batch, the body as the text column can hold it, and what was set aside. */
    public record Triage(String storableBody, WebhookBatch usable, List<QuarantinedItem> quarantined) {
    }

    public static Triage triage(byte[] body, ObjectMapper json) {
        // PostgreSQL text cannot hold NUL; the raw bytes are kept in the quarantine when the body is unreadable
        String storable = new String(body, StandardCharsets.UTF_8).replace('\u0000', '\uFFFD');
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException | RuntimeException e) {
            return whole(storable, body, "the body is not readable JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            return whole(storable, body, "the body is not a JSON object");
        }
        WebhookBatch parsed;
        try {
            parsed = WebhookParser.parse(root);
        } catch (RuntimeException e) {
            return whole(storable, body, "the delivery could not be read: " + firstLine(e.getMessage()));
        }
        List<QuarantinedItem> out = new ArrayList<>();
        List<Receipt> receipts = keep(parsed.receipts(), "status", WebhookTriage::receiptProblem,
                Receipt::messageId, out);
        List<WebhookBatch.InboundMessage> messages = keep(parsed.messages(), "message",
                WebhookTriage::messageProblem, WebhookBatch.InboundMessage::messageId, out);
        List<WebhookBatch.PreferenceEvent> preferences = keep(parsed.preferences(), "preference",
                WebhookTriage::preferenceProblem, WebhookBatch.PreferenceEvent::phone, out);
        List<WebhookBatch.ProviderError> errors = keep(parsed.errors(), "error",
                e -> firstProblem(text("title", e.title()), text("message", e.message()),
                        text("details", e.details())), e -> String.valueOf(e.code()), out);
        return new Triage(storable, new WebhookBatch(receipts, messages, preferences, errors,
                parsed.healthEvents()), List.copyOf(out));
    }

    private static Triage whole(String storable, byte[] body, String reason) {
        return new Triage(storable, new WebhookBatch(List.of(), List.of(), List.of(), List.of()),
                List.of(QuarantinedItem.whole(body, reason)));
    }

    private interface Check<T> {
        String problem(T item);
    }

    private static <T> List<T> keep(List<T> items, String kind, Check<T> check,
                                    java.util.function.Function<T, String> reference, List<QuarantinedItem> out) {
        List<T> kept = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            String problem = check.problem(item);
            if (problem == null) {
                kept.add(item);
            } else {
                out.add(new QuarantinedItem(kind, i, QuarantinedItem.shown(reference.apply(item)), problem, null));
            }
        }
        return kept;
    }

    static String receiptProblem(Receipt r) {
        return firstProblem(id("id", r.messageId()), id("status", r.status()), time(r.at()),
                id("recipient_id", r.recipient()), id("conversation.id", r.conversationId()),
                text("errors[0].title", r.errorTitle()), id("pricing.category", r.pricingCategory()),
                id("pricing.type", r.pricingType()), id("pricing.pricing_model", r.pricingModel()),
                text("biz_opaque_callback_data", r.callbackData()), id("recipient_user_id", r.recipientUserId()),
                id("recipient_participant_id", r.participant()));
    }

    static String messageProblem(WebhookBatch.InboundMessage m) {
        return firstProblem(id("id", m.messageId()), id("from", m.from()), time(m.at()), id("type", m.type()),
                id("context.id", m.contextId()), text("profile.name", m.profileName()), text("text", m.text()),
                text("payload", m.payload()), escapedNul("referral", m.referralJson()), escapedNul("message", m.rawJson()),
                id("from_user_id", m.fromUserId()), text("profile.username", m.username()), id("group_id", m.groupId()));
    }

    static String preferenceProblem(WebhookBatch.PreferenceEvent p) {
        return firstProblem(id("wa_id", p.phone()), id("value", p.value()), id("category", p.category()),
                text("detail", p.detail()), time(p.at()), id("user_id", p.userId()));
    }

    private static String id(String field, String value) {
        String problem = TextRules.lineProblem(value, MAX_ID);
        return problem == null ? null : field + " " + problem;
    }

    private static String text(String field, String value) {
        String problem = TextRules.textProblem(value, TextRules.MAX_TEXT);
        return problem == null ? null : field + " " + problem;
    }

    private static String time(Instant at) {
        return at != null && (at.isBefore(EARLIEST) || at.isAfter(LATEST)) ? "timestamp " + at + " is out of range"
                : null;
    }

    /** JSON kept as jsonb: PostgreSQL's jsonb refuses the escape of NUL. */
    private static String escapedNul(String field, String jsonText) {
        if (jsonText == null) {
            return null;
        }
        for (int i = jsonText.indexOf("\\u0000"); i >= 0; i = jsonText.indexOf("\\u0000", i + 1)) {
            int backslashes = 0;
            for (int j = i - 1; j >= 0 && jsonText.charAt(j) == '\\'; j--) {
                backslashes++;
            }
            if (backslashes % 2 == 0) {
                return field + " holds a NUL character";
            }
        }
        return null;
    }

    private static String firstProblem(String... problems) {
        for (String problem : problems) {
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        String line = message == null ? "unknown error" : message.lines().findFirst().orElse("unknown error");
        return QuarantinedItem.shown(line.length() > 200 ? line.substring(0, 200) : line);
    }
}
