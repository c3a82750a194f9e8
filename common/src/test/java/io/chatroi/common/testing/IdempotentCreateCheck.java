package io.chatroi.common.testing;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one proof that a create honours {@code Idempotency-Key}. A service's test lists its creates, one line each
 * ({@link #of}: path and a factory of valid bodies, each one new), and runs {@link #check} on every line:
 * <ul>
 *   <li>the first request creates (201, a Location);</li>
 *   <li>the same key with the same body answers the same (201, the same Location and id), creating nothing more
 *       (or, where the answer held a secret shown once, a 409 problem naming what was created);</li>
 *   <li>the same key with another valid body is a 422 problem and creates nothing.</li>
 * </ul>
 */
public final class IdempotentCreateCheck {

    /**
     * One create: its path and a factory of valid request bodies, each different from the ones before.
     * {@code replayStatus} is 201, or 409 for a create whose answer holds a secret that is shown only once.
     */
    public record Create(String path, Supplier<Map<String, ?>> bodies, int replayStatus) {

        /** A create that cannot answer twice (its secret is shown once): the replay is a 409 problem instead. */
        public Create secretShownOnce() {
            return new Create(path, bodies, 409);
        }

        @Override
        public String toString() {
            return "POST " + path;
        }
    }

    private IdempotentCreateCheck() {
    }

    public static Create of(String path, Supplier<Map<String, ?>> bodies) {
        return new Create(path, bodies, 201);
    }

    public static void check(Create create) {
        check(create, () -> given());
    }

    /** {@code request} starts each request (say, with the caller's key). */
    public static void check(Create create, Supplier<RequestSpecification> request) {
        String key = "idempotent-" + UUID.randomUUID();
        Map<String, ?> body = create.bodies().get();

        Response first = post(request, create.path(), key, body);
        assertThat(first.statusCode()).as("%s with a new key: %s", create, first.asString()).isEqualTo(201);
        String location = first.header("Location");
        assertThat(location).as("%s names what it created", create).isNotBlank();

        Response again = post(request, create.path(), key, body);
        assertThat(again.statusCode()).as("%s replayed: %s", create, again.asString())
                .isEqualTo(create.replayStatus());
        Object id = first.jsonPath().get("id");
        if (create.replayStatus() == 201) {
            assertThat(again.header("Location")).as("%s replayed names the first", create).isEqualTo(location);
            assertThat((Object) again.jsonPath().get("id")).as("%s replayed answers the first's id", create)
                    .isEqualTo(id);
        } else {
            assertThat(again.jsonPath().getString("detail")).as("%s replayed names the first", create)
                    .contains(String.valueOf(id));
        }

        Map<String, ?> other = create.bodies().get();
        Response reused = post(request, create.path(), key, other);
        assertThat(reused.statusCode()).as("%s: same key, another body: %s", create, reused.asString())
                .isEqualTo(422);
        assertThat(reused.contentType()).startsWith("application/problem+json");
    }

    private static Response post(Supplier<RequestSpecification> request, String path, String key, Map<String, ?> body) {
        return request.get().contentType("application/json").header("Idempotency-Key", key).body(body).post(path);
    }
}
