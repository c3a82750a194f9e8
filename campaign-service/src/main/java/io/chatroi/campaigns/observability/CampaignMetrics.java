package io.chatroi.campaigns.observability;

import io.chatroi.campaigns.receipt.DeliveryStatus;
import io.chatroi.campaigns.receipt.Receipt;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * campaign-service's counters and timers: the WhatsApp webhook ({@code chatroi_webhook_*}) and the dispatcher
 * ({@code chatroi_dispatch_*}). The queue and outbox gauges live in {@link QueueGauges}. Every label is a small
 * fixed set (an outcome, a status, a Meta error class), never a send, contact or campaign id.
 */
@ApplicationScoped
public class CampaignMetrics {

    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(5)};

    private final MeterRegistry registry;
    // the webhook's meters, looked up once: a registry lookup builds and sorts the tags and hashes the id, and the
    // statuses counter was looked up for every status of every delivery
    private final Counter signatureFailures;
    private final Counter quarantined;
    private final Counter budgetWaits;
    private final Counter[] statuses = new Counter[DeliveryStatus.values().length];
    private final Map<String, Counter> deliveries = new ConcurrentHashMap<>();
    private final Map<String, Timer> processing = new ConcurrentHashMap<>();

    public CampaignMetrics(MeterRegistry registry) {
        this.registry = registry;
        // counters the alerts divide by exist from the start (a rate over a missing series is no alert at all)
        signatureFailures = registry.counter("chatroi.webhook.signature.failures");
        quarantined = registry.counter("chatroi.webhook.quarantined");
        budgetWaits = registry.counter("chatroi.dispatch.budget.waits");
    }

    /**
     * A webhook delivery answered: {@code stored}, {@code bad_signature}, {@code malformed} or {@code failed} (not
     * stored, Meta retries). Signature failures are also counted on their own, for the alert.
     */
    public void delivery(String outcome, long startedNanos) {
        deliveries.computeIfAbsent(outcome, o -> registry.counter("chatroi.webhook.deliveries", "outcome", o))
                .increment();
        if ("bad_signature".equals(outcome)) {
            signatureFailures.increment();
        }
        processing.computeIfAbsent(outcome, o -> Timer.builder("chatroi.webhook.processing")
                        .description("From the delivery's bytes to its commit").tag("outcome", o)
                        .serviceLevelObjectives(BUCKETS).register(registry))
                .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * The statuses of a stored delivery by status, and the items it set aside in the quarantine (one each, as
     * {@code GET /api/v1/webhook-quarantine} lists them): the alert ChatroiWebhookQuarantine watches this count.
     */
    public void stored(List<Receipt> receipts, int quarantinedItems) {
        int[] byStatus = new int[statuses.length];
        for (Receipt receipt : receipts) {
            byStatus[receipt.deliveryStatus().ordinal()]++;
        }
        for (int i = 0; i < byStatus.length; i++) {
            if (byStatus[i] > 0) {
                statusCounter(i).increment(byStatus[i]);
            }
        }
        if (quarantinedItems > 0) {
            quarantined.increment(quarantinedItems);
        }
    }

    /** One dispatch outcome: {@code result} is the send's new status, {@code errorCode} Meta's code or null. */
    public void attempt(String result, Integer errorCode) {
        registry.counter("chatroi.dispatch.attempts", "result", result, "error_class", MetaErrorClass.of(errorCode))
                .increment();
    }

    /** A call to the provider ended ({@code ok} or {@code error}). */
    public void providerCall(String outcome, long startedNanos) {
        Timer.builder("chatroi.dispatch.provider").description("Calls to the WhatsApp provider")
                .tag("outcome", outcome).serviceLevelObjectives(BUCKETS).register(registry)
                .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    /** A tick found the second's send budget spent (shared by all replicas) and sent nothing. */
    public void budgetWait() {
        budgetWaits.increment();
    }

    private Counter statusCounter(int ordinal) {
        Counter counter = statuses[ordinal];
        if (counter == null) {
            // a benign race: two threads may both register, and the registry hands both the same counter
            counter = registry.counter("chatroi.webhook.statuses", "status", DeliveryStatus.values()[ordinal].wire());
            statuses[ordinal] = counter;
        }
        return counter;
    }
}
