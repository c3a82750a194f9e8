package io.chatroi.contacts.tier;

import io.chatroi.common.sql.SqlParams;
import io.chatroi.contacts.followup.FollowUpService;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Ages tiers that change with time alone (activity decays, high intent cools to medium): one set-based UPDATE
 * finds every contact whose live tier differs from the recorded one, records the moves in the tag history, bumps
 * updatedAt (so incremental sync sees the change) and refreshes those contacts' follow-ups. Reads never depend on
 * it: they compute tiers live. Runs daily and on demand; running it twice changes nothing the second time.
 */
@ApplicationScoped
public class RetierJob {

    private static final Logger LOG = Logger.getLogger(RetierJob.class);
    private static final int FOLLOW_UP_BATCH = 1000;

    private final Pool pool;
    private final FollowUpService followUps;
    private final Clock clock;

    public RetierJob(Pool pool, FollowUpService followUps, Clock clock) {
        this.pool = pool;
        this.followUps = followUps;
        this.clock = clock;
    }

    @Scheduled(cron = "{chatroi.contacts.retier-cron}", timeZone = "{chatroi.time-zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> nightly() {
        return run().invoke(changed -> LOG.infof("Re-tiered %d contacts", changed)).replaceWithVoid();
    }

    /** Returns the number of contacts whose activity or intent tier moved. */
    public Uni<Integer> run() {
        Instant now = clock.instant();
        SqlParams params = new SqlParams();
        String activity = TierPredicates.activityCase(now, params::bind);
        String intent = TierPredicates.intentCase(now, params::bind);
        String at = params.bind(now) + "::timestamptz";
        String actor = params.bind(TierRecorder.ACTOR) + "::text";
        String sql = "WITH live AS (SELECT c.id, c.activity_recorded AS old_activity, c.intent_recorded AS old_intent, "
                + activity + " AS activity, " + intent + " AS intent FROM contacts c WHERE c.erased_at IS NULL),"
                + " moved AS (UPDATE contacts c SET activity_recorded = live.activity, intent_recorded = live.intent,"
                + " updated_at = " + at + " FROM live WHERE c.id = live.id AND (live.old_activity IS DISTINCT FROM"
                + " live.activity OR live.old_intent IS DISTINCT FROM live.intent)"
                + " RETURNING c.id, live.old_activity, live.activity, live.old_intent, live.intent),"
                + " events AS (INSERT INTO tag_events (contact_id, tag_name, action, at, actor)"
                + " SELECT id, 'activity:' || old_activity, 'removed', " + at + ", " + actor + " FROM moved"
                + "  WHERE old_activity IS NOT NULL AND old_activity IS DISTINCT FROM activity"
                + " UNION ALL SELECT id, 'activity:' || activity, 'added', " + at + ", " + actor + " FROM moved"
                + "  WHERE old_activity IS DISTINCT FROM activity"
                + " UNION ALL SELECT id, 'intent:' || old_intent, 'removed', " + at + ", " + actor + " FROM moved"
                + "  WHERE old_intent IS NOT NULL AND old_intent IS DISTINCT FROM intent"
                + " UNION ALL SELECT id, 'intent:' || intent, 'added', " + at + ", " + actor + " FROM moved"
                + "  WHERE intent IS NOT NULL AND old_intent IS DISTINCT FROM intent)"
                + " SELECT id FROM moved";
        return pool.withTransaction(tx -> tx.preparedQuery(sql).execute(params.tuple()).chain(rows -> {
            List<UUID> moved = new ArrayList<>(rows.size());
            for (Row row : rows) {
                moved.add(row.getUUID("id"));
            }
            Uni<Void> refresh = Uni.createFrom().voidItem();
            for (int from = 0; from < moved.size(); from += FOLLOW_UP_BATCH) {
                List<UUID> batch = moved.subList(from, Math.min(moved.size(), from + FOLLOW_UP_BATCH));
                refresh = refresh.chain(() -> followUps.refresh(tx, batch, now));
            }
            return refresh.replaceWith(moved.size());
        }));
    }
}
