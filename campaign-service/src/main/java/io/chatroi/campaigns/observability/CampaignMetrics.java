package io.chatroi.campaigns.observability;

import io.chatroi.campaigns.receipt.Receipt;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;
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

    public CampaignMetrics(MeterRegistry registry) {
        this.registry = registry;
        // counters the alerts divide by exist from the start (a rate over a missing series is no alert at all)
        registry.counter("chatroi.webhook.signature.failures");
        registry.counter("chatroi.webhook.quarantined");
        registry.counter("chatroi.dispatch.budget.waits");
    }

    /**
     * A webhook delivery answered: {@code stored}, {@code bad_signature}, {@code malformed} or {@code failed} (not
     * stored, Meta retries). Signature failures are also counted on their own, for the alert.
     */
    public void delivery(String outcome, long startedNanos) {
        registry.counter("chatroi.webhook.deliveries", "outcome", outcome).increment();
        if ("bad_signature".equals(outcome)) {
            registry.counter("chatroi.webhook.signature.failures").increment();
        }
        Timer.builder("chatroi.webhook.processing").description("From the delivery's bytes to its commit")
                .tag("outcome", outcome).serviceLevelObjectives(BUCKETS).register(registry)
                .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * The statuses of a stored delivery by status, and the items it set aside in the quarantine (one each, as
     * {@code GET /api/v1/webhook-quarantine} lists them): the alert ChatroiWebhookQuarantine watches this count.
     */
    public void stored(List<Receipt> receipts, int quarantinedItems) {
        for (Receipt receipt : receipts) {
            registry.counter("chatroi.webhook.statuses", "status", receipt.deliveryStatus().wire()).increment();
        }
        if (quarantinedItems > 0) {
            registry.counter("chatroi.webhook.quarantined").increment(quarantinedItems);
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
        registry.counter("chatroi.dispatch.budget.waits").increment();
    }
}
