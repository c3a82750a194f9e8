package io.chatroi.metrics.recompute;

import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.Validator;
import io.chatroi.common.tracing.Spans;
import io.chatroi.metrics.observability.MetricsTelemetry;
import io.chatroi.metrics.settings.Settings;
import io.chatroi.metrics.settings.SettingsService;
import io.chatroi.metrics.sync.SyncService;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Runs recomputes: sync first (optional), then every snapshot step of the day range in ONE transaction (a failed run
 * rolls back and leaves the previous snapshot in place; re-running a day deletes and rebuilds the same rows). Only
 * one run at a time across replicas: the run holds a PostgreSQL session advisory lock on its own connection, and a
 * run that cannot take it is recorded as {@code skipped} (the lock is released when the connection closes, so a dead
 * replica never blocks the next night).
 */
@ApplicationScoped
public class RecomputeService {

    private static final Logger LOG = Logger.getLogger(RecomputeService.class);
    /** "metrics" as a number: the advisory lock key of sync and recompute. */
    public static final long LOCK_KEY = 0x6d657472696373L;
    static final int MAX_DAYS = 3 * 366 + 1;

    private final Pool pool;
    private final SettingsService settings;
    private final SyncService sync;
    private final String workMem;
    private final MetricsTelemetry telemetry;
    private final Spans spans;
    private final Clock clock;

    public RecomputeService(Pool pool, SettingsService settings, SyncService sync,
                            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "chatroi.recompute.work-mem")
                            String workMem, MetricsTelemetry telemetry, Spans spans, Clock clock) {
        this.pool = pool;
        this.clock = clock;
        this.settings = settings;
        this.sync = sync;
        this.telemetry = telemetry;
        this.spans = spans;
        if (!workMem.matches("[0-9]+(kB|MB|GB)")) {
            throw new IllegalArgumentException("chatroi.recompute.work-mem must look like 256MB");
        }
        this.workMem = workMem;
    }

    /** Records a queued run and starts it in the background; the answer is the queued run. */
    public Uni<RecomputeRun> request(RecomputeRequest request, String trigger) {
        RecomputeRequest in = request == null ? new RecomputeRequest(null, null, null) : request;
        Validator errors = new Validator();
        errors.require((in.from() == null) == (in.to() == null), in.from() == null ? "from" : "to",
                "from and to go together (or leave both out for the days that changed)");
        if (in.from() != null && in.to() != null) {
            errors.require(!in.to().isBefore(in.from()), "to", "cannot be before from");
            errors.require(ChronoUnit.DAYS.between(in.from(), in.to()) < MAX_DAYS, "to",
                    "a recompute spans at most " + MAX_DAYS + " days");
        }
        errors.throwIfInvalid();
        UUID id = UUID.randomUUID();
        return RecomputeRunRepository.insert(pool, id, trigger, in.from(), in.to(), clock.instant())
                .chain(() -> get(id))
                .invoke(run -> execute(id, in.from(), in.to(), !Boolean.FALSE.equals(in.sync()))
                        .subscribe().with(x -> { }, failure -> LOG.errorf(failure, "Recompute %s failed", id)));
    }

    public Uni<RecomputeRun> get(UUID id) {
        return RecomputeRunRepository.get(pool, id).map(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("Recompute", id);
            }
            return RecomputeRun.from(rows.iterator().next());
        });
    }

    public Uni<List<RecomputeRun>> recent(int limit) {
        return RecomputeRunRepository.recent(pool, limit)
                .map(rows -> {
                    List<RecomputeRun> runs = new ArrayList<>();
                    rows.forEach(row -> runs.add(RecomputeRun.from(row)));
                    return runs;
                });
    }

    /** Syncs under the lock, or does nothing when a run holds it (the periodic sync). */
    public Uni<Boolean> syncOnly() {
        return pool.getConnection().chain(conn -> tryLock(conn).chain(locked -> {
            if (!locked) {
                return conn.close().replaceWith(false);
            }
            return settings.get().chain(s -> sync.syncAll(s.timeZone())).replaceWith(true)
                    .eventually(() -> unlock(conn));
        }));
    }

    Uni<Void> execute(UUID id, LocalDate from, LocalDate to, boolean withSync) {
        return pool.getConnection().chain(conn -> tryLock(conn).chain(locked -> {
            long started = System.nanoTime();
            if (!locked) {
                telemetry.recomputed("skipped", 0, started);
                return mark(id, "skipped", 0, null, "another recompute holds the lock").eventually(conn::close);
            }
            return mark(id, "running", 0, withSync ? "sync" : "snapshots", null)
                    .chain(() -> settings.get())
                    .chain(s -> (withSync ? spans.around("recompute sync", () -> sync.syncAll(s.timeZone()))
                                    .replaceWithVoid() : Uni.createFrom().voidItem())
                            .chain(() -> range(from, to))
                            .chain(range -> range == null
                                    ? finish(id, 0L, started)
                                    : snapshots(conn, id, s, range[0], range[1]).chain(rows -> finish(id, rows, started))))
                    .onFailure().recoverWithUni(failure -> {
                        LOG.errorf(failure, "Recompute %s failed", id);
                        telemetry.recomputed("failed", 0, started);
                        return mark(id, "failed", 0, null, String.valueOf(failure.getMessage()));
                    })
                    .eventually(() -> unlock(conn));
        }));
    }

    private Uni<LocalDate[]> range(LocalDate from, LocalDate to) {
        if (from != null) {
            return Uni.createFrom().item(new LocalDate[]{from, to});
        }
        return DirtyDayRepository.range(pool).map(rows -> {
            Row row = rows.iterator().next();
            LocalDate lo = row.getLocalDate("lo");
            return lo == null ? null : new LocalDate[]{lo, row.getLocalDate("hi")};
        });
    }

    private Uni<Long> snapshots(SqlConnection conn, UUID id, Settings s, LocalDate from, LocalDate to) {
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            from = to.minusDays(MAX_DAYS - 1);
        }
        List<Object> params = List.of(from, to, s.timeZone(), s.replyWindowDays(), s.attributionDays(),
                s.repurchaseDays(), s.currency(), s.activityDays());
        LocalDate first = from;
        return RecomputeRunRepository.setRange(pool, id, first, to)
                .chain(() -> conn.begin())
                .call(() -> RecomputeRunRepository.tuneTransaction(conn, workMem))
                .chain(tx -> {
                    Uni<Long> chain = Uni.createFrom().item(0L);
                    int n = DailySnapshotRepository.STEPS.size();
                    for (int i = 0; i < n; i++) {
                        DailySnapshotRepository.Step step = DailySnapshotRepository.STEPS.get(i);
                        double progress = 100.0 * i / n;
                        chain = chain.call(() -> mark(id, "running", progress, step.name(), null));
                        long[] started = new long[1];
                        chain = chain.invoke(() -> started[0] = System.nanoTime());
                        for (String sql : step.statements()) {
                            chain = chain.chain(total -> spans.around("recompute " + step.name(),
                                    () -> DailySnapshotRepository.run(conn, sql, params)).map(rows -> total + rows));
                        }
                        chain = chain.invoke(total -> LOG.infof("Recompute %s: %s done in %d ms", id, step.name(),
                                (System.nanoTime() - started[0]) / 1_000_000));
                    }
                    return chain
                            .call(() -> DirtyDayRepository.clear(conn, first, to))
                            .call(tx::commit)
                            .onFailure().call(() -> tx.rollback().onFailure().recoverWithNull());
                });
    }

    private Uni<Void> finish(UUID id, long rows, long started) {
        telemetry.recomputed("succeeded", rows, started);
        return RecomputeRunRepository.finish(pool, id, rows, clock.instant());
    }

    private Uni<Void> mark(UUID id, String status, double progress, String step, String error) {
        boolean done = status.equals("failed") || status.equals("skipped");
        return RecomputeRunRepository.mark(pool, id, status, progress, step, error, done, clock.instant());
    }

    private static Uni<Boolean> tryLock(SqlConnection conn) {
        return RecomputeRunRepository.tryLock(conn, LOCK_KEY).onFailure().call(conn::close);
    }

    private static Uni<Void> unlock(SqlConnection conn) {
        return RecomputeRunRepository.unlock(conn, LOCK_KEY).onFailure().recoverWithNull().eventually(conn::close);
    }
}
