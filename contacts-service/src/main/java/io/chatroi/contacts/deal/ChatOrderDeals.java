package io.chatroi.contacts.deal;

import io.chatroi.contacts.interaction.ChatOrder;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.time;

/**
 * Deals opened by orders placed in the WhatsApp chat. An order is an inquiry with the order's amount: the contact's
 * latest open inquiry (in the order's currency, or without one) takes the amount and, if it has none, the campaign;
 * otherwise a new inquiry deal is opened (origin {@code whatsapp:<message id>}, the contact's owner). The contact's
 * stage moves as for any deal. The amount is left out when the order has no total in an ISO 4217 currency.
 */
@ApplicationScoped
public class ChatOrderDeals {

    private static final String OPEN_INQUIRY = """
            SELECT id FROM deals WHERE contact_id = $1 AND stage = 'inquiry' AND ($2::text IS NULL OR currency IS NULL
                OR currency = $2) ORDER BY created_at DESC, id DESC LIMIT 1 FOR UPDATE""";
    private static final String UPDATE_INQUIRY = """
            UPDATE deals SET order_amount = coalesce($2, order_amount), currency = coalesce($3, currency),
                   campaign_id = coalesce(campaign_id, $4), updated_at = $5 WHERE id = $1""";
    private static final String INSERT_INQUIRY = """
            INSERT INTO deals (id, contact_id, stage, inquiry_at, order_amount, currency, campaign_id, owner, origin,
                               created_at, updated_at)
            VALUES ($1, $2, 'inquiry', $3, $4, $5, $6, $7, $8, $9, $9)""";

    private final DealService deals;

    public ChatOrderDeals(DealService deals) {
        this.deals = deals;
    }

    public Uni<Void> open(SqlClient tx, UUID contactId, ChatOrder order, String messageId, Instant at, Instant now) {
        boolean priced = order.total() != null && isCurrency(order.currency());
        BigDecimal amount = priced ? order.total() : null;
        String currency = priced ? order.currency().toUpperCase(java.util.Locale.ROOT) : null;
        return deals.contactForUpdate(tx, contactId).chain(contact -> tx.preparedQuery(OPEN_INQUIRY)
                .execute(Tuple.of(contactId, currency)).chain(rows -> {
                    if (rows.size() > 0) {
                        return tx.preparedQuery(UPDATE_INQUIRY).execute(Tuple.from(Arrays.asList(
                                rows.iterator().next().getUUID("id"), amount, currency, order.campaignId(),
                                time(now)))).replaceWithVoid();
                    }
                    return tx.preparedQuery(INSERT_INQUIRY).execute(Tuple.from(Arrays.asList(UUID.randomUUID(),
                            contactId, time(at), amount, currency, order.campaignId(), contact.owner(),
                            messageId == null ? null : "whatsapp:" + messageId, time(now)))).replaceWithVoid();
                })
                .chain(() -> deals.moveContact(tx, contact, DealStage.INQUIRY, now)));
    }

    private static boolean isCurrency(String code) {
        try {
            return code != null && code.length() == 3 && Currency.getInstance(code.toUpperCase(java.util.Locale.ROOT)) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
