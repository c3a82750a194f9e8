package io.chatroi.common.sql;

import io.vertx.mutiny.sqlclient.Row;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants to and from timestamptz for the reactive PostgreSQL client, which speaks OffsetDateTime. */
public final class SqlTimes {

    private SqlTimes() {
    }

    /**
     * The UTC timestamp to bind for an instant (null stays null). Built from the epoch second, not with
     * {@code instant.atOffset(UTC)}: on Java 17 that asks {@code ZoneOffset.getRules()}, which allocates a new
     * {@code ZoneRules} with its own ConcurrentHashMap on every call, and a webhook delivery converts one or more
     * times per status (bench/RESULTS.md, webhook allocation per delivery).
     */
    public static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.of(
                LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC),
                ZoneOffset.UTC);
    }

    /** A timestamptz column as an instant (null stays null). */
    public static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
