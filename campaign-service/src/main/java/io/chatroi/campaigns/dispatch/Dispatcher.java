package io.chatroi.campaigns.dispatch;

import io.chatroi.campaigns.campaign.CampaignRepository;
import io.chatroi.campaigns.contacts.ContactsClient;
import io.chatroi.campaigns.observability.CampaignMetrics;
import io.chatroi.campaigns.provider.MessageProvider;
import io.chatroi.campaigns.link.LinkCodes;
import io.chatroi.campaigns.link.TemplateLinks;
import io.chatroi.campaigns.provider.OutboundMessage;
import io.chatroi.campaigns.provider.ProviderException;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Sends due messages at the provider's rate. Each tick claims up to one second's worth of due sends with
 * FOR UPDATE SKIP LOCKED and commits the claim (status sending, the attempt counted) before any provider call, so
 * replicas share the work and no send is handed out twice. Then, per send: contacts-service's eligibility and the
 * campaign's switches decide send, defer or skip; the provider's answer is recorded. Each provider call is also
 * recorded as it starts and ends ({@link DispatchRepository}), so a crash mid-tick leaves in doubt only the calls
 * that were in flight, at most the concurrency: those are reconciled from receipts (the send id travels as
 * biz_opaque_callback_data) or, failing that, marked failed with reason unknown_outcome, never resent; a send whose
 * call had not started is queued again, one the provider answered is sent.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    static final int MAX_ATTEMPTS = 5;

    private final Pool pool;
    private final CampaignRepository campaigns;
    private final ContactsClient contacts;
    private final MessageProvider provider;
    private final LinkCodes links;
    private final SendBudget budget;
    private final CampaignMetrics metrics;
    private final int perTick;
    private final int concurrency;
    private final Duration claimFor;
    private final Duration unknownOutcomeAfter;
    private final Clock clock;

    public Dispatcher(Pool pool, CampaignRepository campaigns, ContactsClient contacts, MessageProvider provider, LinkCodes links, SendBudget budget,
                      @ConfigProperty(name = "chatroi.dispatcher.rate-per-second") int ratePerSecond,
                      @ConfigProperty(name = "chatroi.dispatcher.tick") Duration tick,
                      @ConfigProperty(name = "chatroi.dispatcher.concurrency") int concurrency,
                      @ConfigProperty(name = "chatroi.dispatcher.claim-for") Duration claimFor,
                      @ConfigProperty(name = "chatroi.dispatcher.unknown-outcome-after") Duration unknownOutcomeAfter,
                      CampaignMetrics metrics, Clock clock) {
        this.clock = clock;
        this.pool = pool;
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.provider = provider;
        this.links = links;
        this.budget = budget;
        this.metrics = metrics;
        // each tick sends its share of the per-second rate; short ticks keep a slow tick from costing a whole second
        this.perTick = Math.max(1, (int) (ratePerSecond * tick.toMillis() / 1000));
        this.concurrency = concurrency;
        this.claimFor = claimFor;
        this.unknownOutcomeAfter = unknownOutcomeAfter;
    }

    @Scheduled(every = "{chatroi.dispatcher.tick}", delayed = "3s", skipExecutionIf = DispatcherSwitch.class,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        long started = System.nanoTime();
        return reconcile()
                .invoke(() -> LOG.debugf("reconcile took %d ms", (Object) ((System.nanoTime() - started) / 1_000_000)))
                .chain(() -> budget.take(perTick, clock.instant()))
                .chain(granted -> {
                    if (granted == 0) {
                        metrics.budgetWait();
                        return Uni.createFrom().item(0);
                    }
                    return dispatch(granted);
                })
                .invoke(count -> LOG.debugf("tick dispatched %d sends in %d ms", (Object) count,
                        (Object) ((System.nanoTime() - started) / 1_000_000)))
                .chain(this::completeFinished).replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Dispatch tick failed: %s", failure.getMessage());
                    return null;
                });
    }

    /** A claimed send with what sending it needs. */
    record Claimed(UUID id, UUID contactId, String phone, String templateName, String language, String category,
                   List<String> parameters, List<TemplateLinks.Link> links, boolean quietHours,
                   boolean frequencyCap, boolean skipOnCap, int attempts, Instant claimedUntil,
                   String whatsappUserId) {
    }

    /** Claims and processes up to {@code limit} due sends; returns how many were claimed. */
    public Uni<Integer> dispatch(int limit) {
        Instant now = clock.instant();
        return claim(limit, now).chain(claimed -> Multi.createFrom().iterable(byCategory(claimed))
                .onItem().transformToUniAndConcatenate(batch -> decide(batch, now))
                .collect().in(ArrayList<Outcome>::new, List::addAll)
                .invoke(outcomes -> outcomes.stream().filter(java.util.Objects::nonNull).forEach(outcome ->
                        metrics.attempt("queued".equals(outcome.status()) ? "retry" : outcome.status(),
                                outcome.errorCode())))
                .chain(outcomes -> record(outcomes, clock.instant()))
                .replaceWith(claimed.size()));
    }

    /**
     * Asks contacts-service about a batch once, then sends what may go; every send ends with an outcome. Only an
     * unanswered eligibility call releases the whole batch: once sending began, a failure must not queue sends
     * that may have gone out (it fails the tick, and reconciliation settles each send from what was recorded).
     */
    private Uni<List<Outcome>> decide(List<Claimed> batch, Instant now) {
        return contacts.eligibility(batch.stream().map(Claimed::contactId).toList(), now, batch.get(0).category())
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Eligibility unavailable for %d sends, released for a later tick: %s", batch.size(),
                            failure.getMessage());
                    return null;
                })
                .chain(answers -> answers == null
                        ? Uni.createFrom().item(batch.stream().map(send -> Outcome.retryLater(send.id(),
                                "eligibility_unavailable", now.plus(Duration.ofSeconds(30)), null)).toList())
                        : Multi.createFrom().iterable(batch)
                                .onItem().transformToUni(send -> process(send, answers.get(send.contactId()), now))
                                .merge(concurrency).collect().asList());
    }

    /** Claimed sends grouped by template category, at most 1,000 per group (one eligibility call each). */
    private static List<List<Claimed>> byCategory(List<Claimed> claimed) {
        List<List<Claimed>> batches = new ArrayList<>();
        claimed.stream().collect(java.util.stream.Collectors.groupingBy(Claimed::category)).values()
                .forEach(group -> {
                    for (int from = 0; from < group.size(); from += 1000) {
                        batches.add(group.subList(from, Math.min(group.size(), from + 1000)));
                    }
                });
        return batches;
    }

    private Uni<List<Claimed>> claim(int limit, Instant now) {
        // the claim's end is its token: a provider call starts only while the row still carries it
        Instant claimedUntil = now.plus(claimFor).truncatedTo(ChronoUnit.MICROS);
        return pool.withTransaction(tx -> DispatchRepository.claim(tx, limit, claimedUntil, now)
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Claimed>of())
                        : DispatchRepository.claimed(tx, ids, claimedUntil)));
    }

    /**
     * Writes a tick's outcomes in one transaction. Should the batch fail (say, one provider id collides), each
     * outcome is written on its own so one bad row cannot hold the others back; a row that still fails stays
     * 'sending' and reconciliation settles it.
     */
    private Uni<Void> record(List<Outcome> all, Instant now) {
        List<Outcome> outcomes = all.stream().filter(java.util.Objects::nonNull).toList();
        if (outcomes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.withTransaction(tx -> DispatchRepository.writeOutcomes(tx, outcomes, now))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("Writing %d send outcomes together failed (%s); writing them one by one",
                            outcomes.size(), failure.getMessage());
                    return Multi.createFrom().iterable(outcomes)
                            .onItem().transformToUniAndConcatenate(outcome -> pool.withTransaction(tx ->
                                    DispatchRepository.writeOutcomes(tx, List.of(outcome), now))
                                    .onFailure().recoverWithItem(error -> {
                                        LOG.warnf("Send %s outcome %s could not be recorded; reconciliation will"
                                                + " settle it: %s", outcome.id(), outcome.status(), error.getMessage());
                                        return null;
                                    }))
                            .collect().last().replaceWithVoid();
                });
    }

    private Uni<Outcome> process(Claimed send, SendDecision.Eligibility answer, Instant now) {
        SendDecision.Eligibility known = answer != null ? answer
                : new SendDecision.Eligibility(false, "contact_not_found", null);
        SendDecision decision = SendDecision.of(known, send.quietHours(), send.frequencyCap(), send.skipOnCap(), now);
        return switch (decision.action()) {
            case SEND -> deliver(send);
            case DEFER -> Uni.createFrom().item(Outcome.retryLater(send.id(), decision.reason(), decision.notBefore(),
                    null).withStatus("deferred"));
            case SKIP -> Uni.createFrom().item(Outcome.finished(send.id(), "skipped", decision.reason(), null));
        };
    }

    Uni<Outcome> deliver(Claimed send) {
        String unreachable = Recipients.skipReason(send.phone(), send.whatsappUserId(), send.category(),
                provider.reachesUserIds());
        if (unreachable != null) {
            return Uni.createFrom().item(Outcome.finished(send.id(), "skipped", unreachable, null));
        }
        List<OutboundMessage.Link> tracked = send.links().stream().map(link -> {
            String code = links.code(send.id(), link.index());
            return new OutboundMessage.Link(link.kind(), link.buttonIndex(), code, links.url(code));
        }).toList();
        OutboundMessage message = new OutboundMessage(send.id(), send.phone(), send.templateName(), send.language(),
                send.category(), send.parameters(), tracked, send.whatsappUserId());
        // recorded before the call, and only while the claim is still ours: a send whose claim expired or was
        // taken over is left alone (reconciliation queues it again), so it cannot go out twice
        return DispatchRepository.started(pool, send.id(), send.claimedUntil(), clock.instant())
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Send %s: its call could not be recorded, so it is not made (queued again once the"
                            + " claim expires): %s", send.id(), failure.getMessage());
                    return false;
                })
                .chain(ours -> ours ? call(send, message) : Uni.createFrom().<Outcome>nullItem());
    }

    private Uni<Outcome> call(Claimed send, OutboundMessage message) {
        // the provider's latency and outcome only, not the bookkeeping writes around it
        long started = System.nanoTime();
        return provider.send(message).onItemOrFailure()
                .invoke((id, failure) -> metrics.providerCall(failure == null ? "ok" : "error", started))
                .chain(messageId -> {
                    Outcome sent = Outcome.sent(send.id(), messageId, clock.instant());
                    return DispatchRepository.answered(pool, send.id(), messageId, sent.sentAt())
                            .onFailure().invoke(e -> LOG.warnf("Send %s: the provider's answer %s is not recorded"
                                    + " yet: %s", send.id(), messageId, e.getMessage()))
                            .onFailure().recoverWithNull().replaceWith(sent);
                })
                .onFailure(ProviderException.class).recoverWithUni(failure -> DispatchRepository
                        .refused(pool, send.id()).onFailure().recoverWithNull()
                        .replaceWith(failed(send, (ProviderException) failure)))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Send %s: unexpected failure while sending, left to reconciliation: %s", send.id(),
                            failure.getMessage());
                    return null;
                });
    }

    private Outcome failed(Claimed send, ProviderException failure) {
        if (failure.retryable() && send.attempts() < MAX_ATTEMPTS) {
            Duration backoff = Duration.ofSeconds(30L << Math.min(send.attempts() - 1, 7));
            return Outcome.retryLater(send.id(), "retrying", clock.instant().plus(backoff), failure.code());
        }
        Outcome outcome = Outcome.finished(send.id(), "failed",
                failure.retryable() ? "retries_exhausted" : "provider_refused", failure.code());
        boolean stopped = failure.code() != null && failure.code() == ProviderException.USER_STOPPED_MARKETING;
        return stopped && send.phone() != null ? outcome.optingOut(send.phone()) : outcome;
    }

    /** Settles the sends a dead replica left 'sending' (see {@link DispatchRepository#reconcile}). */
    public Uni<Void> reconcile() {
        return DispatchRepository.reconcile(pool, clock.instant(), unknownOutcomeAfter);
    }

    private Uni<Void> completeFinished(Integer ignored) {
        return campaigns.completeFinished(pool, clock.instant());
    }
}
