package io.chatroi.metrics.report;

import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/** A statement's positional parameters, bound as they are written into the SQL. */
public final class Sql {

    private final List<Object> values = new ArrayList<>();

    public String bind(Object value) {
        values.add(value);
        return "$" + values.size();
    }

    public Tuple tuple() {
        return Tuple.from(values);
    }
}
