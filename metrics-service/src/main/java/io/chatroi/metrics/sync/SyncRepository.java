package io.chatroi.metrics.sync;

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
import static io.chatroi.common.sql.SqlTimes.time;

/**
 * The SQL of the sync: each stream's cursor (sync_cursors), a page's upserts (their parameters from {@link FactRows}),
 * the days it makes stale (dirty_days), the re-pointing of merged contacts' facts and the first ad of each contact
 * (which the snapshots and reports join), all run on the client or transaction given.
 */
@ApplicationScoped
public class SyncRepository {

    private static final String RECORD_ERROR = """
            INSERT INTO sync_cursors (stream, last_error) VALUES ($1, $2)
            ON CONFLICT (stream) DO UPDATE SET last_error = excluded.last_error""";

    private static final String POSITION = """
            SELECT updated_after, after_cursor, max_seen FROM sync_cursors WHERE stream = $1""";

    /** %s is the stream's dirtySql: the days its page's rows count on. */
    private static final String MARK_DIRTY = """
            INSERT INTO dirty_days (day) SELECT DISTINCT d FROM (%s) AS x (d) WHERE d IS NOT NULL ON CONFLICT DO NOTHING""";

    /** The page's position, and the items count, committed with the page's rows at the service's $6. */
    private static final String SAVE_CURSOR = """
            INSERT INTO sync_cursors (stream, updated_after, after_cursor, max_seen, synced_at, items, last_error)
            VALUES ($1, $2, $3, $4, $6, $5, NULL)
            ON CONFLICT (stream) DO UPDATE
               SET updated_after = excluded.updated_after, after_cursor = excluded.after_cursor,
                   max_seen = excluded.max_seen, synced_at = excluded.synced_at,
                   items = sync_cursors.items + excluded.items, last_error = NULL""";

    private static final String STATUS = """
            SELECT * FROM sync_cursors ORDER BY stream""";

    // each stream's upsert of a page's items, with the parameters FactRows makes of an item
    static final String CONTACTS = """
            INSERT INTO f_contacts AS f (id, owner, source, country, stage, intent, accepted_at,
            opted_out_at, referred_by, last_inbound_at, erased, created_at, updated_at) VALUES ($1, $2, $3, $4, $5,
            $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (id) DO UPDATE SET owner = excluded.owner,
            source = excluded.source, country = excluded.country, stage = excluded.stage, intent = excluded.intent,
            accepted_at = excluded.accepted_at, opted_out_at = excluded.opted_out_at,
            referred_by = excluded.referred_by, last_inbound_at = excluded.last_inbound_at,
            erased = excluded.erased, created_at = excluded.created_at, updated_at = excluded.updated_at
            WHERE excluded.updated_at >= f.updated_at""";

    /** A merge, pointed at its final survivor when that one was itself absorbed before. */
    static final String CONTACT_MERGES = """
            INSERT INTO f_contact_merges (absorbed_id, survivor_id, merged_at)
            SELECT $1::uuid, coalesce((SELECT survivor_id FROM f_contact_merges WHERE absorbed_id = $2::uuid),
            $2::uuid), $3::timestamptz
            ON CONFLICT (absorbed_id) DO NOTHING""";

    static final String INTERACTIONS = """
            INSERT INTO f_interactions (id, contact_id, direction, at, agent, created_at,
            message_type, turn) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING""";

    static final String DEALS = """
            INSERT INTO f_deals AS f (id, contact_id, stage, inquiry_at, quoted_at, won_at, lost_at,
            order_amount, profit, currency, campaign_id, owner, created_at, updated_at) VALUES ($1, $2, $3, $4, $5,
            $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (id) DO UPDATE SET stage = excluded.stage,
            inquiry_at = excluded.inquiry_at, quoted_at = excluded.quoted_at, won_at = excluded.won_at,
            lost_at = excluded.lost_at, order_amount = excluded.order_amount, profit = excluded.profit,
            currency = excluded.currency, campaign_id = excluded.campaign_id, owner = excluded.owner,
            updated_at = excluded.updated_at WHERE excluded.updated_at >= f.updated_at""";

    static final String CAMPAIGNS = """
            INSERT INTO f_campaigns AS f (id, name, owner, status, goal_type, goal_window_days,
            variants, holdout_percent, launched_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6,
            $7::jsonb, $8, $9, $10, $11) ON CONFLICT (id) DO UPDATE SET name = excluded.name,
            owner = excluded.owner, status = excluded.status, goal_type = excluded.goal_type,
            goal_window_days = excluded.goal_window_days, variants = excluded.variants,
            holdout_percent = excluded.holdout_percent, launched_at = excluded.launched_at,
            updated_at = excluded.updated_at WHERE excluded.updated_at >= f.updated_at""";

    static final String SENDS = """
            INSERT INTO f_sends AS f (id, campaign_id, variant, contact_id, phone, calling_code,
            country, status, reason, error_code, sent_at, delivery, delivered_at, read_at, replied_at, clicked_at,
            clicks, opted_out_at, pricing_category, billable, created_at, updated_at, reacted_at) VALUES ($1, $2, $3,
            $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)
            ON CONFLICT (id) DO UPDATE SET variant = excluded.variant, status = excluded.status,
            reason = excluded.reason, error_code = excluded.error_code, sent_at = excluded.sent_at,
            delivery = excluded.delivery, delivered_at = excluded.delivered_at, read_at = excluded.read_at,
            replied_at = excluded.replied_at, reacted_at = excluded.reacted_at, clicked_at = excluded.clicked_at, clicks = excluded.clicks,
            opted_out_at = excluded.opted_out_at, pricing_category = excluded.pricing_category,
            billable = excluded.billable, updated_at = excluded.updated_at WHERE excluded.updated_at >= f.updated_at""";

    static final String RESOLUTIONS = """
            INSERT INTO f_resolutions AS f (id, contact_id, at, resolved_by, owner,
            created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO UPDATE
            SET contact_id = excluded.contact_id, at = excluded.at, resolved_by = excluded.resolved_by,
            owner = excluded.owner, updated_at = excluded.updated_at WHERE excluded.updated_at >= f.updated_at""";

    /** A referral never changes upstream; a replay (the sync's overlap) is harmless. */
    static final String AD_REFERRALS = """
            INSERT INTO f_ad_referrals (id, contact_id, source_id, source_type, headline, at,
            created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING""";

    /** A relation of (contact_id, ad_id): each contact with a referral, once, and the ad of its earliest one. */
    public static final String FIRST_AD = """
            (SELECT DISTINCT ON (contact_id) contact_id, source_id AS ad_id
            FROM f_ad_referrals WHERE source_id IS NOT NULL ORDER BY contact_id, at, id)""";

    /** Each ad's label (column {@code k} the ad id, {@code name} its headline): the headline it carried last. */
    public static final String AD_LABELS = """
            SELECT DISTINCT ON (source_id) source_id AS k, headline AS name
            FROM f_ad_referrals WHERE source_id IS NOT NULL ORDER BY source_id, at DESC, id DESC""";

    /**
     * The days on which the contacts of {ids} (a SELECT of contact ids) are counted, {zone} the time zone's SQL
     * parameter: the day each was added, its sends' days and its deals' stage days. A contact whose first ad
     * changes makes them stale.
     */
    private static final String CONTACT_DAYS = """
            SELECT (c.created_at AT TIME ZONE {zone})::date FROM f_contacts c WHERE c.id IN ({ids})
            UNION SELECT (s.at AT TIME ZONE {zone})::date FROM f_sends s WHERE s.contact_id IN ({ids})
            UNION SELECT (x AT TIME ZONE {zone})::date
              FROM f_deals d, unnest(ARRAY[d.inquiry_at, d.quoted_at, d.won_at]) x
             WHERE d.contact_id IN ({ids}) AND x IS NOT NULL""";

    // each stream's days made stale by a page ($1 the page's ids as uuid[], $2 the time zone); a stream without
    // one (contact merges, campaigns, resolutions) makes no day stale by itself
    static final String CONTACTS_DAYS = """
            SELECT (created_at AT TIME ZONE $2)::date FROM f_contacts WHERE id = ANY($1)""";

    /** After the contacts: the days a referral makes stale are its contact's. */
    static final String AD_REFERRALS_DAYS = contactDays(
            "SELECT contact_id FROM f_ad_referrals WHERE id = ANY($1)", "$2");

    static final String INTERACTIONS_DAYS = """
            SELECT (i.at AT TIME ZONE $2)::date FROM f_interactions i WHERE i.id = ANY($1)
            UNION SELECT (c.created_at AT TIME ZONE $2)::date FROM f_interactions i
              JOIN f_contacts c ON c.id = i.contact_id WHERE i.id = ANY($1)""";

    static final String DEALS_DAYS = """
            SELECT (x AT TIME ZONE $2)::date FROM f_deals d, unnest(ARRAY[d.inquiry_at, d.quoted_at,
                   d.won_at]) x WHERE d.id = ANY($1) AND x IS NOT NULL
            UNION SELECT (c.created_at AT TIME ZONE $2)::date FROM f_deals d
              JOIN f_contacts c ON c.id = d.contact_id WHERE d.id = ANY($1)
            UNION SELECT (s.at AT TIME ZONE $2)::date FROM f_deals d JOIN f_sends s
                ON s.contact_id = d.contact_id AND s.sent_at <= d.won_at
               AND s.sent_at > d.won_at - interval '120 days' WHERE d.id = ANY($1)""";

    static final String SENDS_DAYS = """
            SELECT (at AT TIME ZONE $2)::date FROM f_sends WHERE id = ANY($1)""";

    /** Earlier merges into a contact that has since been absorbed move on to its survivor. */
    private static final String FLATTEN_MERGES = """
            UPDATE f_contact_merges m SET survivor_id = n.survivor_id FROM f_contact_merges n
             WHERE m.survivor_id = n.absorbed_id""";

    // each statement moves one fact table to the survivors and marks the days its moved rows count on ($1: the
    // time zone)
    private static final List<String> REPOINT_MERGED = List.of("""
            WITH moved AS (UPDATE f_interactions f SET contact_id = m.survivor_id FROM f_contact_merges m
                            WHERE f.contact_id = m.absorbed_id RETURNING f.at)
            INSERT INTO dirty_days (day) SELECT DISTINCT (at AT TIME ZONE $1)::date FROM moved
            ON CONFLICT DO NOTHING""", """
            WITH moved AS (UPDATE f_sends f SET contact_id = m.survivor_id FROM f_contact_merges m
                            WHERE f.contact_id = m.absorbed_id RETURNING f.at)
            INSERT INTO dirty_days (day) SELECT DISTINCT (at AT TIME ZONE $1)::date FROM moved
            ON CONFLICT DO NOTHING""", """
            WITH moved AS (UPDATE f_deals f SET contact_id = m.survivor_id FROM f_contact_merges m
                            WHERE f.contact_id = m.absorbed_id RETURNING f.inquiry_at, f.quoted_at, f.won_at,
                                  f.lost_at, f.created_at)
            INSERT INTO dirty_days (day) SELECT DISTINCT (x AT TIME ZONE $1)::date
              FROM moved, unnest(ARRAY[inquiry_at, quoted_at, won_at, lost_at, created_at]) x
             WHERE x IS NOT NULL ON CONFLICT DO NOTHING""",
            // the survivor's first ad may now be the absorbed one's: all its days count by ad anew
            """
            WITH moved AS (UPDATE f_ad_referrals f SET contact_id = m.survivor_id FROM f_contact_merges m
                            WHERE f.contact_id = m.absorbed_id RETURNING f.contact_id)
            INSERT INTO dirty_days (day) SELECT DISTINCT d FROM (%s) AS x (d)
             WHERE d IS NOT NULL ON CONFLICT DO NOTHING"""
            .formatted(contactDays("SELECT contact_id FROM moved", "$1")));

    /** Where a stream stands: the updatedAfter it asks for, the upstream cursor within it, the newest change seen. */
    public record Position(Instant updatedAfter, String after, Instant maxSeen) {
    }

    public Uni<Void> recordError(SqlClient client, String stream, String error) {
        return client.preparedQuery(RECORD_ERROR).execute(Tuple.of(stream, error)).replaceWithVoid();
    }

    /** The stream's stored position; a stream never synced starts from the beginning. */
    public Uni<Position> position(SqlClient client, String stream) {
        return client.preparedQuery(POSITION).execute(Tuple.of(stream)).map(rows -> {
            if (rows.size() == 0) {
                return new Position(null, null, null);
            }
            Row row = rows.iterator().next();
            return new Position(instant(row, "updated_after"), row.getString("after_cursor"), instant(row, "max_seen"));
        });
    }

    /** Upserts a page's rows with the stream's statement. */
    public Uni<Void> upsert(SqlClient tx, String upsert, List<Tuple> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery(upsert).executeBatch(rows).replaceWithVoid();
    }

    /** Marks the days a page's rows count on ({@code dirtySql}: $1 the ids, $2 the time zone); null marks none. */
    public Uni<Void> markDirty(SqlClient tx, String dirtySql, List<UUID> ids, String timeZone) {
        if (dirtySql == null || ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery(MARK_DIRTY.formatted(dirtySql))
                .execute(Tuple.of(ids.toArray(UUID[]::new), timeZone)).replaceWithVoid();
    }

    public Uni<Void> saveCursor(SqlClient tx, String stream, Position position, int items, Instant now) {
        return tx.preparedQuery(SAVE_CURSOR)
                .execute(Tuple.of(stream, time(position.updatedAfter()), position.after(), time(position.maxSeen()),
                        (long) items, time(now)))
                .replaceWithVoid();
    }

    /**
     * Re-points the facts of contacts merged in contacts-service to their survivors, so that a person is one contact
     * in every count (unique recipients, customers, deep interactions), and marks the days the moved facts fall on.
     */
    public Uni<Void> repointMergedFacts(SqlClient tx, String timeZone) {
        Uni<Void> chain = tx.query(FLATTEN_MERGES).execute().replaceWithVoid();
        for (String sql : REPOINT_MERGED) {
            chain = chain.chain(() -> tx.preparedQuery(sql).execute(Tuple.of(timeZone)).replaceWithVoid());
        }
        return chain;
    }

    /** Where each stream stands, for the status endpoint. */
    public Uni<SyncState> status(SqlClient client) {
        return client.query(STATUS).execute().map(rows -> {
            List<SyncStream> out = new ArrayList<>();
            for (Row row : rows) {
                out.add(new SyncStream(row.getString("stream"), instant(row, "updated_after"),
                        row.getString("after_cursor") != null, instant(row, "synced_at"), row.getLong("items"),
                        row.getString("last_error")));
            }
            return new SyncState(out);
        });
    }

    private static String contactDays(String contactIds, String zone) {
        return CONTACT_DAYS.replace("{ids}", contactIds).replace("{zone}", zone);
    }
}
