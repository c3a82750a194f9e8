package io.chatroi.contacts.deal;

import io.chatroi.contacts.interaction.ChatOrder;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

/**
 * Deals opened by orders placed in the WhatsApp chat. An order is an inquiry with the order's amount: the contact's
 * latest open inquiry (in the order's currency, or without one) takes the amount and, if it has none, the campaign;
 * otherwise a new inquiry deal is opened (origin {@code whatsapp:<message id>}, the contact's owner). The contact's
 * stage moves as for any deal. The amount is left out when the order has no total in an ISO 4217 currency.
 */
@ApplicationScoped
public class ChatOrderDeals {

    private final DealService deals;
    private final DealRepository repository;

    public ChatOrderDeals(DealService deals, DealRepository repository) {
        this.deals = deals;
        this.repository = repository;
    }

    public Uni<Void> open(SqlClient tx, UUID contactId, ChatOrder order, String messageId, Instant at, Instant now) {
        boolean priced = order.total() != null && isCurrency(order.currency());
        BigDecimal amount = priced ? order.total() : null;
        String currency = priced ? order.currency().toUpperCase(java.util.Locale.ROOT) : null;
        return deals.contactForUpdate(tx, contactId).chain(contact -> repository.lockOpenInquiry(tx, contactId, currency)
                .chain(open -> open.isPresent()
                        ? repository.updateInquiry(tx, open.get(), amount, currency, order.campaignId(), now)
                        : repository.insertInquiry(tx, UUID.randomUUID(), contactId, at, amount, currency,
                                order.campaignId(), contact.owner(), messageId == null ? null : "whatsapp:" + messageId,
                                now))
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
