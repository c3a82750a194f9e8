package io.chatroi.contacts.observability;

import io.chatroi.contacts.tier.IntentTier;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * contacts-service's domain metrics (Prometheus names {@code chatroi_contacts_*}): CSV import rows by outcome,
 * inbound texts classified by intent tier, and send-eligibility answers. Labels are small fixed sets, never ids.
 */
@ApplicationScoped
public class ContactsMetrics {

    private final MeterRegistry registry;
    private final Counter created;
    private final Counter updated;
    private final Counter rejected;

    public ContactsMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.created = importRows("created");
        this.updated = importRows("updated");
        this.rejected = importRows("rejected");
    }

    private Counter importRows(String outcome) {
        return Counter.builder("chatroi.contacts.import.rows").description("CSV import rows by outcome")
                .tag("outcome", outcome).register(registry);
    }

    public void imported(int createdRows, int updatedRows, int rejectedRows) {
        created.increment(createdRows);
        updated.increment(updatedRows);
        rejected.increment(rejectedRows);
    }

    /** An inbound text classified; {@code tier} is null when no trigger word matched. */
    public void classified(IntentTier tier) {
        registry.counter("chatroi.contacts.classifications", "tier", tier == null ? "none" : tier.wire()).increment();
    }

    /** One send-eligibility answer; {@code reason} is one of the rule names (opted_out, weekly_cap, ...). */
    public void eligibility(boolean allowed, String reason) {
        registry.counter("chatroi.contacts.eligibility.checks", "allowed", Boolean.toString(allowed),
                "reason", reason == null ? "none" : reason).increment();
    }
}
