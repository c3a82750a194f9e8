package io.chatroi.contacts.ad;

import io.chatroi.common.paging.TimeIdCursor;
import io.chatroi.contacts.interaction.AdReferral;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.chatroi.common.sql.SqlTimes.instant;
import static io.chatroi.common.sql.SqlTimes.time;

/** The SQL of a contact's ad referrals: recording one (and the source it implies) and listing them. */
@ApplicationScoped
public class AdReferralRepository {

    private static final String INSERT = """
            INSERT INTO contact_ad_referrals (id, contact_id, interaction_id, source_id, source_type, source_url,
                   headline, ctwa_clid, at, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""";
    /** A contact whose source nobody set ("other") came from the ad. */
    private static final String SOURCE = """
            UPDATE contacts SET source = 'ads_ctwa', updated_at = $2 WHERE id = $1 AND source = 'other'""";
    private static final String LIST = """
            SELECT * FROM contact_ad_referrals WHERE contact_id = $1
               AND ($2::timestamptz IS NULL OR (at, id) < ($2, $3::uuid))
             ORDER BY at DESC, id DESC LIMIT $4""";
    /** Every contact's referrals in the order they were recorded, for metrics-service's sync. */
    private static final String FEED = """
            SELECT * FROM contact_ad_referrals
             WHERE ($1::timestamptz IS NULL OR created_at > $1)
               AND ($2::timestamptz IS NULL OR (created_at, id) > ($2, $3::uuid))
             ORDER BY created_at, id LIMIT $4""";

    public Uni<Void> record(SqlClient tx, UUID contactId, UUID interactionId, AdReferral ad, Instant at, Instant now) {
        return tx.preparedQuery(INSERT).execute(Tuple.from(Arrays.asList(UUID.randomUUID(), contactId, interactionId,
                        ad.sourceId(), ad.sourceType(), ad.sourceUrl(), ad.headline(), ad.ctwaClid(), time(at),
                        time(now))))
                .chain(() -> tx.preparedQuery(SOURCE).execute(Tuple.of(contactId, time(now)))).replaceWithVoid();
    }

    public Uni<List<AdReferralView>> list(SqlClient client, UUID contactId, TimeIdCursor after, int limit) {
        return client.preparedQuery(LIST).execute(Tuple.from(Arrays.asList(contactId,
                after == null ? null : time(after.at()), after == null ? null : after.id(), limit)))
                .map(AdReferralRepository::views);
    }

    /** Referrals recorded after {@code recordedAfter} and after the cursor, by (createdAt, id). */
    public Uni<List<AdReferralView>> feed(SqlClient client, Instant recordedAfter, TimeIdCursor after, int limit) {
        return client.preparedQuery(FEED).execute(Tuple.from(Arrays.asList(time(recordedAfter),
                after == null ? null : time(after.at()), after == null ? null : after.id(), limit)))
                .map(AdReferralRepository::views);
    }

    private static List<AdReferralView> views(Iterable<Row> rows) {
        List<AdReferralView> items = new ArrayList<>();
        for (Row row : rows) {
            items.add(new AdReferralView(row.getUUID("id"), row.getUUID("contact_id"), row.getUUID("interaction_id"),
                    row.getString("source_id"), row.getString("source_type"), row.getString("source_url"),
                    row.getString("headline"), row.getString("ctwa_clid"), instant(row, "at"),
                    instant(row, "created_at")));
        }
        return items;
    }
}
