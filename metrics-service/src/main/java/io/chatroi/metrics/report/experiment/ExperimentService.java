package io.chatroi.metrics.report.experiment;

import io.chatroi.common.problem.ProblemException;
import io.chatroi.metrics.kpi.KpiMath;
import io.chatroi.metrics.kpi.Money;
import io.chatroi.metrics.settings.Settings;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A/B experiment statistics of a campaign: sends and conversions from the daily message snapshots, revenue per arm
 * from the sends' credited won deals; for the revenue goal, a conversion is a send whose recipient bought and the
 * arms are compared by revenue per send. Won deals in another currency than the workspace's are left out of revenue
 * and buyers (as the KPI snapshots leave them out of a revenue goal's conversions) and counted apart. The decision is
 * {@link ExperimentMath}'s.
 */
@ApplicationScoped
public class ExperimentService {

    static final String REVENUE_GOAL = "revenue";

    private final ExperimentRepository repository;
    private final long minSample;

    public ExperimentService(ExperimentRepository repository,
                             @ConfigProperty(name = "chatroi.experiment.min-sample") long minSample) {
        this.repository = repository;
        this.minSample = minSample;
    }

    public Uni<Experiment> experiment(UUID campaignId, Settings settings) {
        return repository.campaign(campaignId).chain(found -> {
            Row campaign = found.orElseThrow(() -> ProblemException.notFound("Campaign", campaignId));
            int window = campaign.getInteger("goal_window_days");
            return Uni.combine().all().unis(repository.arms(campaignId),
                            repository.revenue(campaignId, window, settings.currency()),
                            repository.otherCurrency(campaignId, window, settings.currency()))
                    .asTuple().map(t -> experiment(campaign, t.getItem1(), t.getItem2(), t.getItem3(),
                            settings.currency()));
        });
    }

    /** The campaign's defined variants first (in their order, so the first is the control), then any others sent. */
    private Experiment experiment(Row campaign, RowSet<Row> stats, RowSet<Row> revenue, Row otherCurrency,
                                  String currency) {
        boolean byRevenue = REVENUE_GOAL.equals(campaign.getString("goal_type"));
        int scale = Money.scale(currency);
        LinkedHashMap<String, Tally> tallies = new LinkedHashMap<>();
        Object variantsJson = campaign.getValue("variants");
        JsonArray defined = variantsJson instanceof JsonArray a ? a : new JsonArray(String.valueOf(variantsJson));
        for (Object v : defined) {
            if (v instanceof JsonObject o && o.getString("key") != null) {
                tallies.put(o.getString("key"), new Tally());
            }
        }
        Tally holdout = new Tally();
        for (Row row : byRevenue ? revenue : stats) {
            holdout.sends += row.getLong("holdout");
            holdout.conversions += row.getLong(byRevenue ? "holdout_buyers" : "holdout_conversions");
            long sent = row.getLong(byRevenue ? "sends" : "sent");
            if (sent > 0 || tallies.containsKey(row.getString("variant"))) {
                Tally arm = tallies.computeIfAbsent(row.getString("variant"), k -> new Tally());
                arm.sends += sent;
                arm.conversions += row.getLong(byRevenue ? "buyers" : "conversions");
            }
        }
        Map<String, Row> money = new LinkedHashMap<>();
        revenue.forEach(row -> money.put(row.getString("variant"), row));
        LinkedHashMap<String, ExperimentMath.Arm> arms = new LinkedHashMap<>();
        tallies.forEach((key, tally) -> {
            Row row = money.get(key);
            BigDecimal amount = row == null ? BigDecimal.ZERO : row.getBigDecimal("revenue");
            double squares = row == null ? 0 : row.getBigDecimal("squares").doubleValue();
            arms.put(key, new ExperimentMath.Arm(tally.sends, tally.conversions, Money.round(amount, scale), squares));
        });
        ExperimentMath.Outcome outcome = ExperimentMath.decide(arms, minSample, byRevenue);
        return new Experiment(campaign.getUUID("id"), campaign.getString("name"),
                new Experiment.Goal(campaign.getString("goal_type"), campaign.getInteger("goal_window_days")),
                minSample, 0.95, currency, outcome.variants(),
                holdout.sends > 0 ? new Experiment.Holdout(holdout.sends, holdout.conversions,
                        KpiMath.ratio(holdout.conversions, holdout.sends)) : null,
                outcome.winner(), outcome.verdict(), new Experiment.OtherCurrencyDeals(otherCurrency.getLong("orders"),
                        List.of(otherCurrency.getArrayOfStrings("currencies"))));
    }

    /** Sends and conversions of one arm while they are summed. */
    private static final class Tally {
        long sends;
        long conversions;
    }
}
