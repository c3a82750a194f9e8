package io.chatroi.contacts.filter;

import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Positional parameters of one SQL statement: {@link #bind} returns the placeholder for a value. */
public final class SqlParams {

    private final List<Object> values = new ArrayList<>();

    public String bind(Object value) {
        values.add(value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value);
        return "$" + values.size();
    }

    public Tuple tuple() {
        return Tuple.from(values);
    }
}
