package io.chatroi.metrics.report.scorecard;

import io.chatroi.metrics.kpi.KpiMath;
import io.chatroi.metrics.kpi.Money;
import io.chatroi.metrics.kpi.Scorecard;
import io.chatroi.metrics.report.KpiService;
import io.chatroi.metrics.settings.Settings;
import io.chatroi.metrics.web.QueryDates;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

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
    private final ScorecardRepository repository;

    public ScorecardService(Pool pool, ScorecardRepository repository) {
        this.pool = pool;
        this.repository = repository;
    }

    public Uni<Scorecards> scorecards(QueryDates.Range week, Settings s) {
        KpiService.Filter f = new KpiService.Filter(week.from(), week.to(), null, null);
        int scale = Money.scale(s.currency());
        return repository.byOwner(pool, f)
                .map(byOwner -> {
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
