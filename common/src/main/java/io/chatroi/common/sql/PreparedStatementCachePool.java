package io.chatroi.common.sql;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnectOptions;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * Builds every service's reactive PostgreSQL pool as Quarkus would, except that statements up to
 * {@code chatroi.datasource.statement-cache-sql-limit} characters are kept prepared per connection (with
 * {@code quarkus.datasource.reactive.cache-prepared-statements}). The Vert.x client caches only statements of at most
 * 2,048 characters by default and Quarkus has no setting for that limit: a longer statement, such as a shop order's
 * delivery (about 4,000 characters), was sent unnamed, so PostgreSQL parsed, analysed and planned it again on every
 * call (bench/RESULTS.md, shop orders).
 */
@Singleton
public class PreparedStatementCachePool implements PgPoolCreator {

    private final int sqlLimit;

    public PreparedStatementCachePool(
            @ConfigProperty(name = "chatroi.datasource.statement-cache-sql-limit") int sqlLimit) {
        this.sqlLimit = sqlLimit;
    }

    @Override
    public Pool create(Input input) {
        List<SqlConnectOptions> servers = input.pgConnectOptionsList().stream()
                .<SqlConnectOptions>map(options -> new PgConnectOptions(options)
                        .setPreparedStatementCacheSqlLimit(sqlLimit))
                .toList();
        return PgBuilder.pool().with(input.poolOptions()).connectingTo(servers).using(input.vertx()).build();
    }
}
