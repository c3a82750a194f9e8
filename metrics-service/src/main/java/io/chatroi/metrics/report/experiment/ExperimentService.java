package io.chatroi.metrics.report.experiment;

import io.chatroi.common.problem.ProblemException;
import io.chatroi.metrics.kpi.KpiMath;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.LinkedHashMap;
import java.util.UUID;

/** A/B experiment statistics of a campaign from the daily message snapshots; the decision is {@link ExperimentMath}'s. */
@ApplicationScoped
public class ExperimentService {

    private final Pool pool;
    private final long minSample;

    public ExperimentService(Pool pool, @ConfigProperty(name = "chatroi.experiment.min-sample") long minSample) {
        this.pool = pool;
        this.minSample = minSample;
    }

    public Uni<Experiment> experiment(UUID campaignId) {
        return pool.preparedQuery("SELECT * FROM f_campaigns WHERE id = $1").execute(Tuple.of(campaignId))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Campaign", campaignId);
                    }
                    Row campaign = rows.iterator().next();
                    return pool.preparedQuery("SELECT coalesce(variant, '') AS variant, sum(sent)::bigint AS sent,"
                                    + " sum(conversions)::bigint AS conversions, sum(holdout)::bigint AS holdout,"
                                    + " sum(holdout_conversions)::bigint AS holdout_conversions FROM snap_messages"
                                    + " WHERE campaign_id = $1 AND grain = 3 GROUP BY 1 ORDER BY 1")
                            .execute(Tuple.of(campaignId)).map(stats -> experiment(campaign, stats));
                });
    }

    /** The campaign's defined variants first (in their order, so the first is the control), then any others sent. */
    private Experiment experiment(Row campaign, RowSet<Row> stats) {
        LinkedHashMap<String, long[]> sums = new LinkedHashMap<>();
        long holdout = 0;
        long holdoutConversions = 0;
        Object variantsJson = campaign.getValue("variants");
        JsonArray defined = variantsJson instanceof JsonArray a ? a : new JsonArray(String.valueOf(variantsJson));
        for (Object v : defined) {
            if (v instanceof JsonObject o && o.getString("key") != null) {
                sums.put(o.getString("key"), new long[2]);
            }
        }
        for (Row row : stats) {
            holdout += row.getLong("holdout");
            holdoutConversions += row.getLong("holdout_conversions");
            if (row.getLong("sent") > 0 || sums.containsKey(row.getString("variant"))) {
                long[] arm = sums.computeIfAbsent(row.getString("variant"), k -> new long[2]);
                arm[0] += row.getLong("sent");
                arm[1] += row.getLong("conversions");
            }
        }
        LinkedHashMap<String, ExperimentMath.Arm> arms = new LinkedHashMap<>();
        sums.forEach((key, v) -> arms.put(key, new ExperimentMath.Arm(v[0], v[1])));
        ExperimentMath.Outcome outcome = ExperimentMath.decide(arms, minSample);
        return new Experiment(campaign.getUUID("id"), campaign.getString("name"),
                new Experiment.Goal(campaign.getString("goal_type"), campaign.getInteger("goal_window_days")),
                minSample, 0.95, outcome.variants(),
                holdout > 0 ? new Experiment.Holdout(holdout, holdoutConversions,
                        KpiMath.ratio(holdoutConversions, holdout)) : null,
                outcome.winner(), outcome.verdict());
    }
}
