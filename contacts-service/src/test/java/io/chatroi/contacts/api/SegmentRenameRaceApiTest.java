package io.chatroi.contacts.api;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.chatroi.contacts.api.Api.owner;
import static io.chatroi.contacts.api.Api.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Two renames of two segments to one name at once: the service's check that the name is free cannot see a rename
 * that has not committed, so the database's unique index decides, and the loser is a 409 problem, never a 500.
 */
@QuarkusTest
class SegmentRenameRaceApiTest {

    /** Only a guard against a hang: nothing here is timed. */
    private static final Duration GUARD = Duration.ofMinutes(2);

    @Inject
    Pool pool;

    @Test
    void twoRacingRenamesToOneNameAnswerOneOkAndOneConflict() throws Exception {
        String name = "Race " + owner();
        String first = post("/api/v1/segments", Map.of("name", "Race one " + owner())).statusCode(201)
                .extract().path("id");
        String second = post("/api/v1/segments", Map.of("name", "Race two " + owner())).statusCode(201)
                .extract().path("id");

        // an uncommitted segment holds the name, so both renames pass the service's check and then wait on the
        // unique index; once it rolls back, one rename takes the name and the other meets the index's refusal
        SqlConnection holder = pool.getConnection().await().atMost(GUARD);
        CompletableFuture<Integer> a;
        CompletableFuture<Integer> b;
        try {
            Transaction tx = holder.begin().await().atMost(GUARD);
            holder.preparedQuery("INSERT INTO segments (id, name) VALUES ($1, $2)")
                    .execute(Tuple.of(UUID.randomUUID(), name)).await().atMost(GUARD);
            a = CompletableFuture.supplyAsync(() -> rename(first, name));
            b = CompletableFuture.supplyAsync(() -> rename(second, name));
            awaitRenamesWaitingOnTheName(2);
            tx.rollback().await().atMost(GUARD);
        } finally {
            holder.close().await().atMost(GUARD);
        }

        List<Integer> statuses = Stream.of(a.get(GUARD.toSeconds(), TimeUnit.SECONDS),
                b.get(GUARD.toSeconds(), TimeUnit.SECONDS)).sorted().toList();
        assertThat(statuses).as("one rename wins, the other is a conflict").containsExactly(200, 409);
        List<String> named = Stream.of(first, second)
                .filter(id -> name.equals(given().get("/api/v1/segments/" + id).then().statusCode(200)
                        .extract().path("name"))).toList();
        assertThat(named).as("the segments that carry the name").hasSize(1);
    }

    private static int rename(String id, String name) {
        return given().contentType("application/merge-patch+json").body(Map.of("name", name))
                .patch("/api/v1/segments/" + id).then().extract().statusCode();
    }

    /** Waits until {@code count} renames of this database wait on a lock (the name's index entry). */
    private void awaitRenamesWaitingOnTheName(int count) throws InterruptedException {
        long polls = GUARD.toMillis() / 50;
        for (long i = 0; i < polls; i++) {
            long waiting = pool.query("""
                            SELECT count(*) AS n FROM pg_stat_activity
                             WHERE datname = current_database() AND wait_event_type = 'Lock'
                               AND query LIKE 'UPDATE segments SET name%'""")
                    .execute().await().atMost(GUARD).iterator().next().getLong("n");
            if (waiting >= count) {
                return;
            }
            Thread.sleep(50);
        }
        fail("the renames never reached the unique index");
    }
}
