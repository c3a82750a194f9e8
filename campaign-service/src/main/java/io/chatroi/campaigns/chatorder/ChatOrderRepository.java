package io.chatroi.campaigns.chatorder;

import io.chatroi.campaigns.attribution.SendCreditRepository;
import io.chatroi.campaigns.webhook.WebhookBatch;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.chatroi.common.sql.SqlTimes.time;

/**
 * Stores the orders among a delivery's inbound messages inside the webhook's transaction, each credited to the send
 * it answers (the same rule as replies); a retried delivery stores nothing again.
 */
@ApplicationScoped
public class ChatOrderRepository {

    private static final String INSERT = """
            INSERT INTO whatsapp_orders (message_id, phone, at, catalog_id, text, items, total, currency, send_id,
                   campaign_id, received_at)
            SELECT e.message_id, e.phone, e.at, e.catalog_id, e.text, e.items::jsonb, e.total::numeric, e.currency,
                   t.id, t.campaign_id, $10
              FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[],
                          $8::text[], $9::text[])
                   AS e (message_id, phone, at, context_id, catalog_id, text, items, total, currency)
              LEFT JOIN LATERAL (%s) t ON true
            ON CONFLICT (message_id) DO NOTHING""".formatted(SendCreditRepository.ANSWERED_SEND);

    private record Placed(WebhookBatch.InboundMessage message, ChatOrder order) {
    }

    public Uni<Void> store(SqlClient tx, List<WebhookBatch.InboundMessage> messages, Instant receivedAt) {
        List<Placed> placed = new ArrayList<>();
        for (WebhookBatch.InboundMessage m : messages) {
            Optional<ChatOrder> order = ChatOrder.of(m.type(), m.rawJson());
            order.ifPresent(o -> placed.add(new Placed(m, o)));
        }
        if (placed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = placed.size();
        String[] ids = new String[n];
        String[] phones = new String[n];
        OffsetDateTime[] at = new OffsetDateTime[n];
        String[] contexts = new String[n];
        String[] catalogs = new String[n];
        String[] texts = new String[n];
        String[] items = new String[n];
        String[] totals = new String[n];
        String[] currencies = new String[n];
        for (int i = 0; i < n; i++) {
            WebhookBatch.InboundMessage m = placed.get(i).message();
            ChatOrder o = placed.get(i).order();
            ids[i] = m.messageId();
            phones[i] = m.from();
            at[i] = time(m.at());
            contexts[i] = m.contextId();
            catalogs[i] = o.catalogId();
            texts[i] = o.text();
            items[i] = o.itemsJson().encode();
            totals[i] = o.total() == null ? null : o.total().toPlainString();
            currencies[i] = o.currency();
        }
        return tx.preparedQuery(INSERT).execute(Tuple.from(new Object[]{ids, phones, at, contexts, catalogs, texts,
                items, totals, currencies, time(receivedAt)})).replaceWithVoid();
    }
}
