package io.chatroi.metrics.cost;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The message fee table (message_rates). Each method runs on the client (or transaction) it is given. */
final class MessageRateRepository {

    private static final String LIST = "SELECT * FROM message_rates ORDER BY calling_code, category, effective_from";

    /** The same (calling code, category, effective date) replaces the rate: the answer is the row's id either way. */
    private static final String UPSERT = """
            INSERT INTO message_rates (id, calling_code, category, rate, currency, effective_from)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (calling_code, category, effective_from) DO UPDATE SET rate = excluded.rate,
              currency = excluded.currency RETURNING id""";

    private static final String DELETE = "DELETE FROM message_rates WHERE id = $1 RETURNING effective_from";

    private MessageRateRepository() {
    }

    static Uni<List<MessageRate>> list(SqlClient client) {
        return client.query(LIST).execute().map(rows -> {
            List<MessageRate> items = new ArrayList<>();
            for (Row row : rows) {
                items.add(new MessageRate(row.getUUID("id"), row.getString("calling_code"),
                        row.getString("category"), row.getBigDecimal("rate"), row.getString("currency"),
                        row.getLocalDate("effective_from")));
            }
            return items;
        });
    }

    /** The id of the stored row: {@code rate}'s id when new, the replaced row's otherwise. */
    static Uni<UUID> upsert(SqlClient tx, MessageRate rate) {
        return tx.preparedQuery(UPSERT).execute(Tuple.of(rate.id(), rate.callingCode(), rate.category(), rate.rate(),
                        rate.currency(), rate.effectiveFrom()))
                .map(rows -> rows.iterator().next().getUUID("id"));
    }

    /** The deleted rate's effective date, or empty when there was no such rate. */
    static Uni<Optional<LocalDate>> delete(SqlClient tx, UUID id) {
        return tx.preparedQuery(DELETE).execute(Tuple.of(id)).map((RowSet<Row> rows) -> rows.rowCount() == 0
                ? Optional.<LocalDate>empty() : Optional.of(rows.iterator().next().getLocalDate("effective_from")));
    }
}
