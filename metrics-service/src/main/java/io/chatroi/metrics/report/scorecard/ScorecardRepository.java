package io.chatroi.metrics.report.scorecard;

import io.chatroi.common.sql.SqlParams;
import io.chatroi.metrics.kpi.FactPredicates;
import io.chatroi.metrics.report.KpiService;
import io.chatroi.metrics.report.SnapshotRepository;
import io.chatroi.metrics.report.Sums;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The SQL of the scorecards: each owner's week from the contact, deal and turn snapshots. */
@ApplicationScoped
public class ScorecardRepository {

    // each %s is the week's filter (SnapshotRepository.where: the snapshot grain and the date range), bound to its own params
    private static final String CONTACTS = """
            SELECT owner, sum(added)::bigint AS added, sum(effective)::bigint AS effective,
                   sum(referrals)::bigint AS referrals FROM snap_contacts t%s
             GROUP BY owner""";

    private static final String DEALS = """
            SELECT owner, sum(quotes)::bigint AS quotes, sum(won)::bigint AS won, sum(revenue) AS revenue,
                   sum(repeat_customers)::bigint AS repurchases FROM snap_deals t%s
             GROUP BY owner""";

    /** Contacts in deep interaction in the week (FactPredicates.deepInteractionContacts, its list's rows), per owner. */
    private static final String DEEP_INTERACTIONS = """
            SELECT owner, count(*)::bigint AS deep FROM (%s) x GROUP BY owner""";

    /**
     * Each owner's sums of the week (added, effective, referrals, quotes, won, revenue, repurchases, deep), by owner
     * name; rows without an owner are left out.
     */
    public Uni<Map<String, Map<String, Object>>> byOwner(SqlClient client, KpiService.Filter week) {
        SqlParams c = new SqlParams();
        String contacts = CONTACTS.formatted(SnapshotRepository.where(c, week, (short) 3, false, false));
        SqlParams d = new SqlParams();
        String deals = DEALS.formatted(SnapshotRepository.where(d, week, (short) 3, false, false));
        SqlParams t = new SqlParams();
        String turns = DEEP_INTERACTIONS.formatted(FactPredicates.deepInteractionContacts(
                SnapshotRepository.where(t, week, (short) -1, false, false)));
        return Uni.combine().all().unis(client.preparedQuery(contacts).execute(c.tuple()),
                        client.preparedQuery(deals).execute(d.tuple()), client.preparedQuery(turns).execute(t.tuple()))
                .asTuple().map(all -> {
                    Map<String, Map<String, Object>> byOwner = new TreeMap<>();
                    for (RowSet<Row> rows : List.of(all.getItem1(), all.getItem2(), all.getItem3())) {
                        for (Row row : rows) {
                            String owner = row.getString("owner");
                            if (owner != null) {
                                byOwner.computeIfAbsent(owner, o -> new LinkedHashMap<>()).putAll(Sums.values(row));
                            }
                        }
                    }
                    return byOwner;
                });
    }
}
