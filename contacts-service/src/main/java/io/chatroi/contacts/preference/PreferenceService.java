package io.chatroi.contacts.preference;

import io.chatroi.contacts.observability.ContactsMetrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.Validator;
import io.chatroi.contacts.contact.ContactRepository;
import io.chatroi.contacts.contact.ContactRow;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Communication preferences and the send-eligibility answer campaign-service relies on. */
@ApplicationScoped
public class PreferenceService {

    private final Pool pool;
    private final ContactRepository contacts;
    private final PreferenceRepository preferences;
    private final ObjectMapper json;
    private final SendRules rules;
    private final ContactsMetrics metrics;
    private final Clock clock;

    public PreferenceService(Pool pool, ContactRepository contacts, PreferenceRepository preferences,
                             ObjectMapper json,
                             @ConfigProperty(name = "chatroi.contacts.default-weekly-cap", defaultValue = "3")
                             int defaultWeeklyCap,
                             @ConfigProperty(name = "chatroi.contacts.default-windows")
                             Optional<String> defaultWindows, ContactsMetrics metrics, Clock clock) {
        this.clock = clock;
        this.pool = pool;
        this.contacts = contacts;
        this.preferences = preferences;
        this.json = json;
        this.metrics = metrics;
        this.rules = new SendRules(defaultWeeklyCap, parseDefaultWindows(defaultWindows.orElse("")));
    }

    public Uni<PreferencesDocument> get(UUID contactId) {
        return contact(contactId).map(this::document);
    }

    public Uni<PreferencesDocument> put(UUID contactId, PreferencesDocument document) {
        if (document == null) {
            throw ProblemException.invalid("body", "a preferences object is required");
        }
        Validator errors = new Validator();
        document.toPreferences(errors);
        errors.throwIfInvalid();
        PreferencesDocument stored = new PreferencesDocument(document.format(),
                document.windows() == null ? List.of() : document.windows(), document.maxMessagesPerWeek(),
                Boolean.TRUE.equals(document.passive()));
        return contact(contactId)
                .chain(() -> contacts.setPreferences(pool, contactId, JsonObject.mapFrom(stored), clock.instant()))
                .replaceWith(stored);
    }

    public Uni<EligibilityAnswer> eligibility(UUID contactId, Instant at, String category, Integer sentThisWeek) {
        MessageCategory messageCategory = MessageCategory.fromWire(category == null ? "marketing" : category);
        Validator errors = new Validator();
        errors.require(messageCategory != null, "category", "must be marketing, utility, authentication or service");
        errors.require(sentThisWeek == null || sentThisWeek >= 0, "sentThisWeek", "must be >= 0");
        errors.throwIfInvalid();
        Instant when = at == null ? clock.instant() : at;
        return contacts.find(pool, contactId)
                .chain(found -> {
                    ContactRow contact = found.orElseThrow(() -> ProblemException.notFound("Contact", contactId));
                    return history(contactId, when, sentThisWeek)
                            .map(history -> answer(contact, messageCategory, when, history));
                });
    }

    /** Eligibility of many contacts at once (up to {@link #MAX_BULK}), for a dispatcher's batch: two queries. */
    public static final int MAX_BULK = 1000;

    public Uni<List<EligibilityAnswer>> eligibility(List<UUID> contactIds, Instant at, String category) {
        MessageCategory messageCategory = MessageCategory.fromWire(category == null ? "marketing" : category);
        Validator errors = new Validator();
        errors.require(messageCategory != null, "category", "must be marketing, utility, authentication or service");
        errors.require(contactIds != null && !contactIds.isEmpty() && contactIds.size() <= MAX_BULK, "contactIds",
                "must hold 1 to " + MAX_BULK + " contact ids");
        errors.throwIfInvalid();
        Instant when = at == null ? clock.instant() : at;
        return contacts.findAll(pool, contactIds)
                .chain(rows -> preferences.marketingHistories(pool, contactIds, when)
                        .map(byContact -> {
                            java.util.Map<UUID, EligibilityAnswer> answers = new java.util.HashMap<>();
                            for (ContactRow contact : rows) {
                                SendRules.MarketingHistory history = byContact.getOrDefault(contact.id(),
                                        SendRules.MarketingHistory.EMPTY);
                                answers.put(contact.id(), answer(contact, messageCategory, when, history));
                            }
                            List<EligibilityAnswer> ordered = new ArrayList<>(contactIds.size());
                            for (UUID id : contactIds) {
                                ordered.add(answers.getOrDefault(id, new EligibilityAnswer(id, messageCategory.wire(),
                                        when, false, "not_found", null, "no such contact", 0)));
                            }
                            return ordered;
                        }));
    }

    private EligibilityAnswer answer(ContactRow contact, MessageCategory category, Instant when,
                                     SendRules.MarketingHistory history) {
        Preferences preferences = document(contact).toPreferences(new Validator());
        var state = new SendRules.ContactState(contact.erasedAt() != null, contact.optedOut(),
                ZoneId.of(contact.timeZone() == null ? "UTC" : contact.timeZone()), preferences);
        Eligibility result = rules.check(state, category, when, history);
        metrics.eligibility(result.allowed(), result.reason());
        return new EligibilityAnswer(contact.id(), category.wire(), when, result.allowed(), result.reason(),
                result.nextAllowedAt(), result.detail(), history.sentLast7Days());
    }

    /** Marketing messages the service saw go out in the 7 days before {@code at}, unless the caller counted them. */
    private Uni<SendRules.MarketingHistory> history(UUID contactId, Instant at, Integer sentThisWeek) {
        return preferences.marketingHistory(pool, contactId, at)
                .map(seen -> sentThisWeek == null ? seen
                        : new SendRules.MarketingHistory(sentThisWeek, seen.oldestLast7Days(), seen.lastSentAt()));
    }

    private Uni<ContactRow> contact(UUID contactId) {
        return contacts.find(pool, contactId).map(found -> found.filter(c -> c.erasedAt() == null)
                .orElseThrow(() -> ProblemException.notFound("Contact", contactId)));
    }

    private PreferencesDocument document(ContactRow contact) {
        return contact.preferences() == null ? PreferencesDocument.EMPTY
                : json.convertValue(contact.preferences().getMap(), PreferencesDocument.class);
    }

    /** Parses workspace default windows such as "MON-FRI 09:00-18:00; SAT 10:00-14:00". */
    static List<ContactWindow> parseDefaultWindows(String spec) {
        List<ContactWindow> windows = new ArrayList<>();
        for (String part : spec.split(";")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] dayAndTime = trimmed.split("\\s+");
            String[] times = dayAndTime.length == 2 ? dayAndTime[1].split("-") : new String[0];
            List<String> days = new ArrayList<>();
            for (String dayPart : dayAndTime[0].split(",")) {
                String[] range = dayPart.split("-");
                var from = PreferencesDocument.day(range[0]);
                var to = PreferencesDocument.day(range[range.length - 1]);
                if (from == null || to == null) {
                    throw new IllegalArgumentException("chatroi.contacts.default-windows: bad day in '" + trimmed + "'");
                }
                for (var d = from; ; d = d.plus(1)) {
                    days.add(d.name().substring(0, 3));
                    if (d == to) {
                        break;
                    }
                }
            }
            Validator errors = new Validator();
            ContactWindow window = times.length == 2 ? PreferencesDocument.parseWindow(
                    new PreferencesDocument.Window(days, times[0], times[1]), "window", errors) : null;
            if (window == null || errors.hasErrors()) {
                throw new IllegalArgumentException("chatroi.contacts.default-windows: cannot read '" + trimmed
                        + "', expected e.g. MON-FRI 09:00-18:00");
            }
            windows.add(window);
        }
        return windows;
    }

    /** The send-eligibility answer. */
    public record EligibilityAnswer(
            UUID contactId,
            String category,
            Instant at,
            boolean allowed,
            @Schema(nullable = true) String reason,
            @Schema(nullable = true) Instant nextAllowedAt,
            @Schema(nullable = true) String detail,
            int marketingSentLast7Days) {
    }
}
