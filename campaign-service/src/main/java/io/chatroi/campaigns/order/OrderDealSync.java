package io.chatroi.campaigns.order;

import io.chatroi.campaigns.contacts.ContactsClient;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.instant;

/**
 * The outbox from orders to contacts-service's deals: orders whose version is ahead of what contacts-service
 * stored are sent in batches (locked with SKIP LOCKED so replicas share the work). A matched order records its
 * contact and deal; an unmatched one waits {@code unmatched-retry-every} and is tried again, so it is matched as
 * soon as a contact with one of its phones appears. Repeating a batch is harmless: deals are keyed by the order.
 */
@ApplicationScoped
public class OrderDealSync {

    private static final Logger LOG = Logger.getLogger(OrderDealSync.class);
    static final int BATCH = 200;
    private static final int BATCHES_PER_TICK = 25;


    private final Pool pool;
    private final OrderRepository orders;
    private final ContactsClient contacts;
    private final Optional<BigDecimal> grossMargin;
    private final Duration retryEvery;
    private final Clock clock;

    public OrderDealSync(Pool pool, OrderRepository orders, ContactsClient contacts,
                         @ConfigProperty(name = "chatroi.orders.gross-margin") Optional<BigDecimal> grossMargin,
                         @ConfigProperty(name = "chatroi.orders.unmatched-retry-every") Duration retryEvery,
                         Clock clock) {
        if (grossMargin.isPresent() && (grossMargin.get().signum() < 0 || grossMargin.get().compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalStateException("CHATROI_GROSS_MARGIN must be between 0 and 1, not " + grossMargin.get());
        }
        this.pool = pool;
        this.orders = orders;
        this.contacts = contacts;
        this.grossMargin = grossMargin;
        this.retryEvery = retryEvery;
        this.clock = clock;
    }

    @Scheduled(every = "{chatroi.orders.deal-sync-every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> periodic() {
        return drain(BATCHES_PER_TICK).replaceWithVoid().onFailure().recoverWithItem(failure -> {
            LOG.warnf("Forwarding orders to contacts-service failed, will retry: %s", failure.getMessage());
            return null;
        });
    }

    /** Forwards batches until none is left or {@code batches} were sent; returns how many orders were forwarded. */
    public Uni<Integer> drain(int batches) {
        return syncOnce().chain(count -> count < BATCH || batches <= 1 ? Uni.createFrom().item(count)
                : drain(batches - 1).map(more -> count + more));
    }

    /** Forwards one batch; returns how many orders it held. */
    public Uni<Integer> syncOnce() {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> orders.lockDealSyncDue(tx, BATCH, now).chain(due -> {
            if (due.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return contacts.orderDeals(due.stream().map(this::item).toList())
                    .chain(answers -> record(tx, due, answers, now))
                    .replaceWith(due.size());
        }));
    }

    private Uni<Void> record(SqlClient tx, List<Row> due, JsonArray answers, Instant now) {
        List<UUID> matched = new ArrayList<>();
        List<UUID> contactIds = new ArrayList<>();
        List<UUID> dealIds = new ArrayList<>();
        List<Integer> versions = new ArrayList<>();
        List<UUID> unmatched = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
            Row row = due.get(i);
            JsonObject answer = answers != null && i < answers.size() ? answers.getJsonObject(i) : null;
            String contactId = answer == null ? null : answer.getString("contactId");
            if (contactId == null) {
                unmatched.add(row.getUUID("id"));
            } else {
                matched.add(row.getUUID("id"));
                contactIds.add(UUID.fromString(contactId));
                String dealId = answer.getString("dealId");
                dealIds.add(dealId == null ? null : UUID.fromString(dealId));
                versions.add(row.getInteger("version"));
            }
        }
        Uni<Void> done = Uni.createFrom().voidItem();
        if (!matched.isEmpty()) {
            done = done.chain(() -> orders.dealSynced(tx, matched, contactIds, dealIds, versions, now));
        }
        if (!unmatched.isEmpty()) {
            done = done.chain(() -> orders.retryDealSync(tx, unmatched, now.plus(retryEvery)));
        }
        return done;
    }

    private JsonObject item(Row row) {
        String status = row.getString("status");
        BigDecimal amount = row.getBigDecimal("amount");
        BigDecimal revenue = OrderDeals.revenue(status, amount, row.getBigDecimal("refunded"));
        BigDecimal profit = OrderDeals.profit(revenue, amount, row.getBigDecimal("profit"), grossMargin);
        JsonArray phones = new JsonArray();
        for (Object phone : row.getArrayOfStrings("phones")) {
            phones.add(phone);
        }
        UUID campaign = row.getUUID("campaign_id");
        Instant paidAt = instant(row, "paid_at");
        Instant cancelledAt = instant(row, "cancelled_at");
        return new JsonObject().put("source", row.getString("source")).put("externalId", row.getString("external_id"))
                .put("phones", phones).put("status", status).put("revenue", revenue.toPlainString())
                .put("profit", profit == null ? null : profit.toPlainString()).put("currency", row.getString("currency"))
                .put("orderedAt", instant(row, "ordered_at").toString())
                .put("paidAt", paidAt == null ? null : paidAt.toString())
                .put("cancelledAt", cancelledAt == null ? null : cancelledAt.toString())
                .put("campaignId", campaign == null ? null : campaign.toString())
                .put("variant", row.getString("variant")).put("credit", row.getString("credit"));
    }
}
