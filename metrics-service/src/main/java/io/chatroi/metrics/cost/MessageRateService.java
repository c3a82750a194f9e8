package io.chatroi.metrics.cost;

import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.Validator;
import io.chatroi.common.web.IdempotencyKeys;
import io.chatroi.metrics.recompute.DirtyDayRepository;
import io.chatroi.metrics.settings.SettingsService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The per-message fee table: a rate applies from its effective date until the next one of its calling code and
 * category. Past message fees change with the table: a change marks the days from its effective date dirty, in its
 * transaction, so the next recompute rebuilds them.
 */
@ApplicationScoped
public class MessageRateService {

    private static final Set<String> CATEGORIES = Set.of("marketing", "utility", "authentication");

    private final Pool pool;
    private final SettingsService settings;
    private final IdempotencyKeys idempotency;
    private final Clock clock;

    public MessageRateService(Pool pool, SettingsService settings, IdempotencyKeys idempotency, Clock clock) {
        this.pool = pool;
        this.settings = settings;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    public Uni<List<MessageRate>> list() {
        return MessageRateRepository.list(pool);
    }

    /**
     * Adds a rate, or replaces the rate of the same (calling code, category, effective date). A repeated
     * Idempotency-Key with the same body answers the rate the first request stored (as it is now).
     */
    public Uni<MessageRate> create(MessageRate input, String idempotencyKey) {
        if (input == null) {
            throw ProblemException.invalid("body", "a rate object is required");
        }
        return settings.get().chain(s -> {
            Validator errors = new Validator();
            errors.require(input.callingCode() != null && input.callingCode().matches("[0-9]{1,3}"), "callingCode",
                    "must be 1-3 digits, e.g. 49");
            errors.require(input.category() != null && CATEGORIES.contains(input.category()), "category",
                    "must be marketing, utility or authentication");
            errors.require(input.rate() != null && input.rate().signum() >= 0, "rate", "is required and >= 0");
            errors.require(input.effectiveFrom() != null, "effectiveFrom", "is required (an ISO date)");
            String currency = input.currency() == null ? s.currency() : input.currency().toUpperCase();
            errors.require(currency.equals(s.currency()), "currency", "must be the workspace currency " + s.currency());
            errors.throwIfInvalid();
            MessageRate rate = new MessageRate(UUID.randomUUID(), input.callingCode(), input.category(), input.rate(),
                    currency, input.effectiveFrom());
            LocalDate today = LocalDate.ofInstant(clock.instant(), s.zone());
            return pool.withTransaction(tx -> idempotency.createOnce(tx, "message-rates", idempotencyKey, input,
                    t -> MessageRateRepository.upsert(t, rate)
                            .call(() -> DirtyDayRepository.fromUntilToday(t, rate.effectiveFrom(), today))))
                    .chain(id -> id.equals(rate.id()) ? Uni.createFrom().item(rate) : get(id));
        });
    }

    /** Removes a rate; false when there was none. */
    public Uni<Boolean> delete(UUID id) {
        return settings.get().chain(s -> {
            LocalDate today = LocalDate.ofInstant(clock.instant(), s.zone());
            return pool.withTransaction(tx -> MessageRateRepository.delete(tx, id)
                    .call(from -> from.isEmpty() ? Uni.createFrom().voidItem()
                            : DirtyDayRepository.fromUntilToday(tx, from.get(), today))
                    .map(from -> from.isPresent()));
        });
    }

    private Uni<MessageRate> get(UUID id) {
        return list().map(rates -> rates.stream().filter(rate -> rate.id().equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Message rate", id)));
    }
}
