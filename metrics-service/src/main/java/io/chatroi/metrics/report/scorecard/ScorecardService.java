package io.chatroi.metrics.report.scorecard;

import io.chatroi.metrics.kpi.KpiMath;
import io.chatroi.metrics.kpi.Money;
import io.chatroi.metrics.kpi.Scorecard;
import io.chatroi.metrics.report.KpiService;
import io.chatroi.common.sql.SqlParams;
import io.chatroi.metrics.report.Sums;
import io.chatroi.metrics.settings.Settings;
import io.chatroi.metrics.web.QueryDates;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.chatroi.metrics.report.Sums.count;
import static io.chatroi.metrics.report.Sums.money;

/** Weekly salesperson scorecards from the snapshots; the weighting is {@link Scorecard}'s. */
@ApplicationScoped
public class ScorecardService {

    static final String DEFINITIONS = "newEffectiveContacts: contacts added in the week that accepted and have"
            + " written since; effectiveAddRate = newEffectiveContacts / contactsAdded;"
            + " deepInteractionContacts: contacts with >= 3 turns in the week; repurchasingCustomers:"
            + " customers whose win in the week follows another win within the repurchase window;"
            + " each score part is the owner's share of the week's best, 0-100";

    private final Pool pool;

    public ScorecardService(Pool pool) {
        this.pool = pool;
    }

    public Uni<Scorecards> scorecards(QueryDates.Range week, Settings s) {
        KpiService.Filter f = new KpiService.Filter(week.from(), week.to(), null, null);
        SqlParams c = new SqlParams();
        String contacts = "SELECT owner, sum(added)::bigint AS added, sum(effective)::bigint AS effective,"
                + " sum(referrals)::bigint AS referrals FROM snap_contacts t" + KpiService.where(c, f, (short) 3, false, false)
                + " GROUP BY owner";
        SqlParams d = new SqlParams();
        String deals = "SELECT owner, sum(quotes)::bigint AS quotes, sum(won)::bigint AS won, sum(revenue) AS revenue,"
                + " sum(repeat_customers)::bigint AS repurchases FROM snap_deals t"
                + KpiService.where(d, f, (short) 3, false, false) + " GROUP BY owner";
        SqlParams tt = new SqlParams();
        String turns = "SELECT owner, count(*)::bigint AS deep FROM (SELECT owner, contact_id FROM snap_contact_turns t"
                + KpiService.where(tt, f, (short) -1, false, false)
                + " GROUP BY owner, contact_id HAVING sum(turns) >= 3) x GROUP BY owner";
        int scale = Money.scale(s.currency());
        return Uni.combine().all().unis(pool.preparedQuery(contacts).execute(c.tuple()),
                pool.preparedQuery(deals).execute(d.tuple()), pool.preparedQuery(turns).execute(tt.tuple()))
                .asTuple().map(t -> {
                    Map<String, Map<String, Object>> byOwner = new TreeMap<>();
                    for (RowSet<Row> rows : List.of(t.getItem1(), t.getItem2(), t.getItem3())) {
                        for (Row row : rows) {
                            String owner = row.getString("owner");
                            if (owner != null) {
                                byOwner.computeIfAbsent(owner, o -> new LinkedHashMap<>()).putAll(Sums.values(row));
                            }
                        }
                    }
                    List<Scorecard.Measures> measures = new ArrayList<>();
                    byOwner.forEach((owner, v) -> measures.add(new Scorecard.Measures(owner,
                            KpiMath.ratio(count(v, "effective"), count(v, "added")), count(v, "deep"),
                            count(v, "won"), money(v, "revenue").doubleValue(), count(v, "repurchases"),
                            count(v, "referrals"))));
                    List<Scorecard.Score> scores = Scorecard.score(measures, s.weights());
                    List<ScorecardRow> rows = new ArrayList<>();
                    for (int i = 0; i < measures.size(); i++) {
                        Scorecard.Measures m = measures.get(i);
                        Scorecard.Score score = scores.get(i);
                        Map<String, Object> v = byOwner.get(m.owner());
                        rows.add(new ScorecardRow(m.owner(), count(v, "added"), count(v, "effective"),
                                m.effectiveAddRate(), m.deepInteractions(), count(v, "quotes"), m.orders(),
                                Money.round(money(v, "revenue"), scale), m.repurchases(), m.referrals(),
                                score.process(), score.result(), score.bonus(), score.score()));
                    }
                    rows.sort(Comparator.comparingDouble(ScorecardRow::score).reversed());
                    return new Scorecards(QueryDates.isoWeek(week.from()), week.from(), week.to(), s.currency(),
                            s.scorecardWeights(), DEFINITIONS, rows);
                });
    }
}
