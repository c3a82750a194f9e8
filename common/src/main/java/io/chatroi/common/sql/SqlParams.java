package io.chatroi.common.sql;

import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Positional parameters of one SQL statement built from optional parts (a filter, a report's dimensions):
 * {@link #bind} records a value and returns its placeholder ({@code $1}, {@code $2}...), so a value is never
 * written into the SQL text. Instants are bound as UTC timestamps ({@link SqlTimes#time}).
 */
public final class SqlParams {

    private final List<Object> values = new ArrayList<>();

    public String bind(Object value) {
        values.add(value instanceof Instant instant ? SqlTimes.time(instant) : value);
        return "$" + values.size();
    }

    public Tuple tuple() {
        return Tuple.from(values);
    }
}
