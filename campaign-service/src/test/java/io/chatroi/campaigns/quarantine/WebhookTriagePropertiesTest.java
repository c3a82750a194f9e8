package io.chatroi.campaigns.quarantine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatroi.campaigns.receipt.Receipt;
import io.chatroi.campaigns.webhook.WebhookBatch;
import io.chatroi.common.input.TextRules;
import io.chatroi.common.testing.SeededCases;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static io.chatroi.common.testing.HostileValues.anyLong;
import static io.chatroi.common.testing.HostileValues.bytes;
import static io.chatroi.common.testing.HostileValues.text;
import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a signed delivery holds, triage never fails, and what it keeps is something the database can store. */
class WebhookTriagePropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anyBytesAreTriagedWithoutFailing() {
        SeededCases.check("anyBytesAreTriagedWithoutFailing", 300, 0xB17E5L, random -> {
            WebhookTriage.Triage triage = WebhookTriage.triage(bytes(random, 300), JSON);
            assertThat(triage.storableBody()).doesNotContain("\u0000");
            assertThat(triage.usable()).isNotNull();
        });
    }

    @Test
    void anyValuesInAnEnvelopeAreKeptOnlyWhenStorable() {
        // half the values are plausible, so the kept path is walked as often as the quarantined one
        int[] keptAndSetAside = new int[2];
        SeededCases.check("anyValuesInAnEnvelopeAreKeptOnlyWhenStorable", 500, 0xE4E10BEL, random ->
                envelopeKeepsOnlyStorableValues(keptAndSetAside, orPlausible(random, "wamid.HBgL" + random.nextInt(1000)),
                        orPlausible(random, List.of("sent", "delivered", "read", "failed").get(random.nextInt(4))),
                        orPlausible(random, String.valueOf(1_767_225_600L + random.nextInt(1_000_000))),
                        anyLong(random), text(random), orPlausible(random, "4930" + random.nextInt(100_000_000))));
        assertThat(keptAndSetAside).as("kept, quarantined: the cases reach both").doesNotContain(0);
    }

    private static String orPlausible(Random random, String plausible) {
        return random.nextBoolean() ? plausible : text(random);
    }

    private static void envelopeKeepsOnlyStorableValues(int[] keptAndSetAside, String id, String status,
                                                        String timestamp, long numericTimestamp, String text,
                                                        String from) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode value = f.objectNode();
        value.putArray("statuses").addObject().put("id", id).put("status", status).put("timestamp", timestamp);
        value.withArray("statuses").addObject().put("id", id).put("status", "sent").put("timestamp", numericTimestamp);
        value.putArray("messages").addObject().put("id", id).put("from", from).put("timestamp", timestamp)
                .put("type", "text").putObject("text").put("body", text);
        ObjectNode root = f.objectNode();
        root.putArray("entry").addObject().putArray("changes").addObject().set("value", value);
        byte[] body = root.toString().getBytes(StandardCharsets.UTF_8);

        WebhookTriage.Triage triage = WebhookTriage.triage(body, JSON);

        for (Receipt r : triage.usable().receipts()) {
            assertThat(TextRules.hasControl(r.messageId(), false)).isFalse();
            assertThat(TextRules.hasControl(r.status(), false)).isFalse();
            assertThat(r.at()).isBetween(Instant.EPOCH, Instant.parse("9999-12-31T23:59:59Z"));
        }
        for (WebhookBatch.InboundMessage m : triage.usable().messages()) {
            assertThat(TextRules.hasControl(m.messageId(), false)).isFalse();
            assertThat(holdsNul(readTree(m.rawJson()))).as("jsonb refuses NUL").isFalse();
        }
        int kept = triage.usable().receipts().size() + triage.usable().messages().size();
        int setAside = (int) triage.quarantined().stream().filter(q -> !q.kind().equals("delivery")).count();
        boolean whole = triage.quarantined().stream().anyMatch(q -> q.kind().equals("delivery"));
        keptAndSetAside[0] += kept;
        keptAndSetAside[1] += triage.quarantined().size();
        // nothing silently lost: every status or message the parser read is either kept or quarantined
        if (!whole) {
            assertThat(kept + setAside).isLessThanOrEqualTo(3);
            assertThat(triage.quarantined()).allSatisfy(q -> assertThat(q.reason()).isNotBlank());
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean holdsNul(com.fasterxml.jackson.databind.JsonNode node) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\u0000') >= 0;
        }
        for (var it = node.fields(); it.hasNext(); ) {
            var entry = it.next();
            if (entry.getKey().indexOf('\u0000') >= 0 || holdsNul(entry.getValue())) {
                return true;
            }
        }
        for (com.fasterxml.jackson.databind.JsonNode element : node) {
            if (node.isArray() && holdsNul(element)) {
                return true;
            }
        }
        return false;
    }
}
