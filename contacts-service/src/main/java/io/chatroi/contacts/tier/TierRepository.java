package io.chatroi.contacts.tier;

import io.chatroi.common.sql.SqlParams;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.instant;

/**
 * The SQL of tiers: a contact's recorded tiers, and re-tiering, one statement that moves every contact whose live
 * tier differs from the recorded one.
 */
@ApplicationScoped
public class TierRepository {

    /** What a contact's live tiers are computed from, and the tiers last recorded in the tag history. */
    public record Recorded(String activity, String intent, String intentSignal, Instant lastInboundAt,
                           Instant lastOutboundAt) {
    }

    private static final String RECORDED = """
            SELECT activity_recorded, intent_recorded, intent, last_inbound_at, last_outbound_at
              FROM contacts WHERE id = $1""";

    private static final String RECORD = """
            UPDATE contacts SET activity_recorded = $2, intent_recorded = $3 WHERE id = $1""";

    /**
     * {activity} and {intent} are the live tiers' CASE expressions ({@link TierPredicates}), {at} the time and
     * {actor} the history's actor, each a bound parameter.
     */
    private static final String RETIER = """
            WITH live AS (SELECT c.id, c.activity_recorded AS old_activity, c.intent_recorded AS old_intent,
                                 {activity} AS activity, {intent} AS intent
                            FROM contacts c WHERE c.erased_at IS NULL),
            moved AS (UPDATE contacts c SET activity_recorded = live.activity, intent_recorded = live.intent,
                             updated_at = {at}
                        FROM live WHERE c.id = live.id AND (live.old_activity IS DISTINCT FROM live.activity
                                                            OR live.old_intent IS DISTINCT FROM live.intent)
                      RETURNING c.id, live.old_activity, live.activity, live.old_intent, live.intent),
            events AS (INSERT INTO tag_events (contact_id, tag_name, action, at, actor)
                       SELECT id, 'activity:' || old_activity, 'removed', {at}, {actor} FROM moved
                        WHERE old_activity IS NOT NULL AND old_activity IS DISTINCT FROM activity
                       UNION ALL SELECT id, 'activity:' || activity, 'added', {at}, {actor} FROM moved
                        WHERE old_activity IS DISTINCT FROM activity
                       UNION ALL SELECT id, 'intent:' || old_intent, 'removed', {at}, {actor} FROM moved
                        WHERE old_intent IS NOT NULL AND old_intent IS DISTINCT FROM intent
                       UNION ALL SELECT id, 'intent:' || intent, 'added', {at}, {actor} FROM moved
                        WHERE intent IS NOT NULL AND old_intent IS DISTINCT FROM intent)
            SELECT id FROM moved""";

    /**
     * Records every contact's live activity and intent tier as of {@code now} where it moved, with the moves in the
     * tag history; returns the contacts that moved.
     */
    public Uni<List<UUID>> retier(SqlClient tx, Instant now) {
        SqlParams params = new SqlParams();
        String activity = TierPredicates.activityCase(now, params::bind);
        String intent = TierPredicates.intentCase(now, params::bind);
        String at = params.bind(now) + "::timestamptz";
        String actor = params.bind(TierService.ACTOR) + "::text";
        String sql = RETIER.replace("{activity}", activity).replace("{intent}", intent).replace("{at}", at)
                .replace("{actor}", actor);
        return tx.preparedQuery(sql).execute(params.tuple()).map(rows -> {
            List<UUID> moved = new ArrayList<>(rows.size());
            for (Row row : rows) {
                moved.add(row.getUUID("id"));
            }
            return moved;
        });
    }

    public Uni<Recorded> recorded(SqlClient client, UUID contactId) {
        return client.preparedQuery(RECORDED).execute(Tuple.of(contactId)).map(rows -> {
            Row row = rows.iterator().next();
            return new Recorded(row.getString("activity_recorded"), row.getString("intent_recorded"),
                    row.getString("intent"), instant(row, "last_inbound_at"), instant(row, "last_outbound_at"));
        });
    }

    public Uni<Void> record(SqlClient tx, UUID contactId, String activity, String intent) {
        return tx.preparedQuery(RECORD).execute(Tuple.of(contactId, activity, intent)).replaceWithVoid();
    }
}
