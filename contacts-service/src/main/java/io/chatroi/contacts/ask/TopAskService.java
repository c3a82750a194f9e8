package io.chatroi.contacts.ask;

import io.chatroi.common.problem.Validator;
import io.chatroi.common.time.InstantWindow;
import io.chatroi.contacts.classification.RuleService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.instant;

/**
 * What customers ask most: inbound messages of a range counted by the configured trigger rules (intent, interest,
 * opt-out), English and Chinese apart. Counted when asked, with the rules as they are now, so a rule added today also
 * counts last month's messages.
 */
@ApplicationScoped
public class TopAskService {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;
    private static final int PAGE = 2_000;
    static final String BASIS = "inbound messages (turns) with text, counted by the trigger rules configured now:"
            + " once per term they contain, once per rule and language; Latin phrases match whole words, Chinese"
            + " phrases as substrings, opt-out only as the whole message";

    private final Pool pool;
    private final RuleService rules;
    private final TopAskRepository repository;
    private final Clock clock;

    public TopAskService(Pool pool, RuleService rules, TopAskRepository repository, Clock clock) {
        this.pool = pool;
        this.rules = rules;
        this.repository = repository;
        this.clock = clock;
    }

    public Uni<TopAsks> top(Instant from, Instant to, String period, String timeZone, Integer limit, String owner) {
        Instant end = to != null ? to : clock.instant();
        Instant start = InstantWindow.endingAt(from, end).from();
        AskCounter.Period cut = AskCounter.Period.of(period);
        ZoneId zone = zone(timeZone);
        Validator errors = new Validator();
        new InstantWindow(start, end).check(errors);
        errors.require(cut != null, "period", "must be one of none, day, week, month");
        errors.require(zone != null, "timeZone", "must be an IANA time zone such as Asia/Shanghai");
        errors.require(limit == null || (limit >= 1 && limit <= MAX_LIMIT), "limit", "must be 1-" + MAX_LIMIT);
        errors.throwIfInvalid();
        int top = limit == null ? DEFAULT_LIMIT : limit;
        return pool.withConnection(conn -> rules.classifier(conn).chain(classifier -> {
            AskCounter counter = new AskCounter(classifier, cut, zone);
            return count(conn, counter, start, end, owner, null, null)
                    .map(ignored -> new TopAsks(start, end, cut.wire(), zone.getId(), BASIS, counter.top(top)));
        }));
    }

    private Uni<Void> count(io.vertx.mutiny.sqlclient.SqlConnection conn, AskCounter counter, Instant from,
                            Instant to, String owner, Instant afterAt, UUID afterId) {
        return repository.page(conn, from, to, owner, afterAt, afterId, PAGE).chain(rows -> {
            Instant lastAt = null;
            UUID lastId = null;
            for (Row row : rows) {
                lastAt = instant(row, "at");
                lastId = row.getUUID("id");
                counter.add(lastAt, row.getString("text"));
            }
            return rows.size() < PAGE ? Uni.createFrom().voidItem()
                    : count(conn, counter, from, to, owner, lastAt, lastId);
        });
    }

    private static ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
