package io.chatroi.metrics.sync;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Re-points the facts of contacts merged in contacts-service to their survivors, so that a person is one contact
 * in every count (unique recipients, customers, deep interactions). Runs after every sync, since a fact may arrive
 * under an absorbed id after its merge did; the days the moved facts fall on are marked for the recompute.
 */
final class ContactMergeFacts {

    /** Earlier merges into a contact that has since been absorbed move on to its survivor. */
    private static final String FLATTEN = """
            UPDATE f_contact_merges m SET survivor_id = n.survivor_id FROM f_contact_merges n
             WHERE m.survivor_id = n.absorbed_id""";

    // each statement moves one fact table and marks the days its moved rows count on ($1: the time zone)
    private static final String[] REPOINT = {"""
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
             WHERE d IS NOT NULL ON CONFLICT DO NOTHING""".formatted(ContactAds.daysOf("SELECT contact_id FROM moved", "$1"))};

    private ContactMergeFacts() {
    }

    static Uni<Void> repoint(SqlClient tx, String timeZone) {
        Uni<Void> chain = tx.query(FLATTEN).execute().replaceWithVoid();
        for (String sql : REPOINT) {
            chain = chain.chain(() -> tx.preparedQuery(sql).execute(Tuple.of(timeZone)).replaceWithVoid());
        }
        return chain;
    }
}
