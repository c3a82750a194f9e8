package io.chatroi.metrics.settings;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.util.Arrays;

import static io.chatroi.common.sql.SqlTimes.time;

/** The one settings row (id 1). Each method runs on the client it is given. */
final class SettingsRepository {

    private static final String READ = "SELECT * FROM settings WHERE id = 1";

    /** The row from the deployment's defaults; a replica that created it first wins. */
    private static final String CREATE = """
            INSERT INTO settings (id, currency, time_zone, weights) VALUES (1, $1, $2, $3::jsonb)
            ON CONFLICT (id) DO NOTHING""";

    private static final String UPDATE = """
            UPDATE settings SET currency = $1, time_zone = $2, value_per_lead = $3,
              brand_value_monthly = $4, attribution_days = $5, reply_window_days = $6,
              repurchase_days = $7, activity_days = $8, weights = $9::jsonb, updated_at = $10
            WHERE id = 1""";

    private SettingsRepository() {
    }

    static Uni<RowSet<Row>> read(SqlClient client) {
        return client.preparedQuery(READ).execute();
    }

    static Uni<Void> create(SqlClient client, String currency, String timeZone, String weightsJson) {
        return client.preparedQuery(CREATE).execute(Tuple.of(currency, timeZone, weightsJson)).replaceWithVoid();
    }

    static Uni<Void> update(SqlClient client, Settings next, String weightsJson, Instant now) {
        return client.preparedQuery(UPDATE).execute(Tuple.from(Arrays.asList(next.currency(), next.timeZone(),
                next.valuePerLead(), next.brandValueMonthly(), next.attributionDays(), next.replyWindowDays(),
                next.repurchaseDays(), next.activityDays(), weightsJson, time(now)))).replaceWithVoid();
    }
}
