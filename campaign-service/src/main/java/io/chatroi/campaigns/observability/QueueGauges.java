package io.chatroi.campaigns.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gauges read from PostgreSQL every {@code chatroi.metrics.queue-refresh} (a scrape never waits for a query): the
 * send queue by state ({@code chatroi_dispatch_queue_depth{state="queued|deferred"}}: due or not, across all
 * campaigns that are sending) and the outbox to contacts-service by kind ({@code chatroi_dispatch_outbox_backlog}).
 * Every replica reports the same shared numbers, so dashboards take {@code max} over pods, not {@code sum}.
 */
@ApplicationScoped
public class QueueGauges {

    private static final Logger LOG = Logger.getLogger(QueueGauges.class);

    private final Pool pool;
    private final QueueGaugeRepository repository;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

    public QueueGauges(Pool pool, QueueGaugeRepository repository, MeterRegistry registry) {
        this.pool = pool;
        this.repository = repository;
        this.registry = registry;
        for (String state : new String[]{"queued", "deferred"}) {
            gauge("queue", state);
        }
        for (String kind : new String[]{"inbound_messages", "sends", "preference_events", "chat_messages"}) {
            gauge("outbox", kind);
        }
    }

    private AtomicLong gauge(String gauge, String label) {
        return values.computeIfAbsent(gauge + "/" + label, key -> {
            AtomicLong value = new AtomicLong();
            if ("queue".equals(gauge)) {
                Gauge.builder("chatroi.dispatch.queue.depth", value, AtomicLong::get)
                        .description("Sends waiting to be dispatched, by state").tag("state", label).register(registry);
            } else {
                Gauge.builder("chatroi.dispatch.outbox.backlog", value, AtomicLong::get)
                        .description("Rows not yet forwarded to contacts-service, by kind").tag("kind", label)
                        .register(registry);
            }
            return value;
        });
    }

    @Scheduled(every = "{chatroi.metrics.queue-refresh}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> periodic() {
        return refresh().onFailure().recoverWithItem(failure -> {
            LOG.debugf("Queue gauges not refreshed: %s", failure.getMessage());
            return null;
        });
    }

    /** Reads the counts once; a state with no row is zero. */
    public Uni<Void> refresh() {
        return repository.counts(pool).invoke(counts -> {
            values.forEach((key, value) -> {
                if (key.startsWith("queue/")) {
                    value.set(0);
                }
            });
            for (QueueGaugeRepository.Count count : counts) {
                gauge(count.gauge(), count.label()).set(count.n());
            }
        }).replaceWithVoid();
    }
}
