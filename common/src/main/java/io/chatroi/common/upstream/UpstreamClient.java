package io.chatroi.common.upstream;

import io.chatroi.common.tracing.ServerSpans;
import io.chatroi.common.web.ChatRoiHeaders;
import io.chatroi.common.web.ClientCallMetrics;
import io.chatroi.common.web.InternalToken;
import io.chatroi.common.web.RequestIdFilter;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.util.TypeLiteral;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Calls one sibling service ({@link Upstreams#client}). Every call carries the internal token, the request id of the
 * request being served and (through {@link ServerSpans}) the trace context; every attempt is timed
 * ({@link ClientCallMetrics}) and limited by the configured timeout; idempotent calls are retried with backoff; each
 * operation has its own circuit breaker; and what goes wrong becomes a 503 or 504 problem in
 * {@link UpstreamFailures}. Client beans (one per sibling) say what to send and how to read the answer.
 */
public final class UpstreamClient {

    private static final TypeLiteral<Uni<Object>> UNI = new TypeLiteral<>() {
    };

    private final String name;
    private final UpstreamSettings.Service settings;
    private final WebClient client;
    private final InternalToken token;
    private final ClientCallMetrics calls;
    private final ServerSpans spans;
    private final Map<String, Guard> guards = new ConcurrentHashMap<>();

    UpstreamClient(String name, UpstreamSettings.Service settings, WebClient client, InternalToken token,
                   ClientCallMetrics calls, ServerSpans spans) {
        this.name = name;
        this.settings = settings;
        this.client = client;
        this.token = token;
        this.calls = calls;
        this.spans = spans;
    }

    /** A GET: idempotent, so retried. {@code operation} is a fixed name (a metric label), never a path with an id. */
    public Call get(String operation, String path) {
        return new Call(HttpMethod.GET, operation, path, null);
    }

    /** A POST of a JSON body: sent once unless marked {@link Call#idempotent()} or given an idempotency key. */
    public Call post(String operation, String path, JsonObject body) {
        return new Call(HttpMethod.POST, operation, path, body);
    }

    /** One call being described; {@link #send} makes it. */
    public final class Call {
        private final HttpMethod method;
        private final String operation;
        private final String path;
        private final JsonObject body;
        private final List<Map.Entry<String, String>> query = new ArrayList<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Set<Integer> expected = new java.util.HashSet<>();
        private boolean idempotent;
        private boolean bulk;

        private Call(HttpMethod method, String operation, String path, JsonObject body) {
            this.method = method;
            this.operation = operation;
            this.path = path;
            this.body = body;
            this.idempotent = method == HttpMethod.GET;
        }

        /** A query parameter; a collection repeats it, null leaves it out. */
        public Call query(String key, Object value) {
            if (value instanceof Collection<?> values) {
                values.forEach(v -> query.add(Map.entry(key, String.valueOf(v))));
            } else if (value != null) {
                query.add(Map.entry(key, String.valueOf(value)));
            }
            return this;
        }

        /** A header of the call (e.g. the caller's role); null leaves it out. */
        public Call header(String key, String value) {
            if (value != null) {
                headers.put(key, value);
            }
            return this;
        }

        /** A POST that only asks (changes nothing), so it may be retried like a GET. */
        public Call idempotent() {
            this.idempotent = true;
            return this;
        }

        /** Sends {@code Idempotency-Key}: the callee answers a repeat like the first, so it may be retried. */
        public Call idempotencyKey(String key) {
            headers.put("Idempotency-Key", key);
            this.idempotent = true;
            return this;
        }

        /** Many items in one body: waits {@code bulk-timeout} instead of {@code timeout}. */
        public Call bulk() {
            this.bulk = true;
            return this;
        }

        /** Statuses besides 2xx that {@code read} handles (a 404 meaning none, a 400 on the caller's input). */
        public Call expect(Integer... statuses) {
            expected.addAll(List.of(statuses));
            return this;
        }

        /**
         * Makes the call; {@code read} turns a 2xx (or an expected status) into the result and may throw a
         * {@code ProblemException}, which is an answer: neither retried nor counted against the circuit.
         */
        public <T> Uni<T> send(Function<HttpResponse<Buffer>, T> read) {
            // taken now, on the caller's thread: the request id and the trace context are those of the request being
            // served (the callee's server span is a child of ours; no client span of its own)
            Map<String, String> fixed = new LinkedHashMap<>(headers);
            token.addTo(fixed::put);
            RequestIdFilter.addTo(fixed::put);
            spans.inject(fixed::put);
            long timeout = (bulk ? settings.bulkTimeout() : settings.timeout()).toMillis();
            Supplier<Uni<T>> attempt = () -> calls.timed(name, operation, () -> {
                HttpRequest<Buffer> request = client.requestAbs(method, settings.url().resolve(path).toString())
                        .timeout(timeout);
                query.forEach(q -> request.addQueryParam(q.getKey(), q.getValue()));
                fixed.forEach(request::putHeader);
                return body == null ? request.send() : request.sendJsonObject(body);
            }, HttpResponse::statusCode).map(response -> read.apply(checked(response)));
            Guard guard = guards.computeIfAbsent(operation + (idempotent ? "" : " once"), key -> guard(idempotent));
            @SuppressWarnings({"unchecked", "rawtypes"})
            Supplier<Uni<Object>> untyped = (Supplier) attempt;
            @SuppressWarnings("unchecked")
            Uni<T> guarded = (Uni<T>) Uni.createFrom().deferred(() -> guard.get(untyped, UNI));
            return guarded.onFailure().transform(failure -> UpstreamFailures.problem(name, operation, failure));
        }

        private HttpResponse<Buffer> checked(HttpResponse<Buffer> response) {
            int status = response.statusCode();
            if (status / 100 != 2 && !expected.contains(status)) {
                String text = response.bodyAsString();
                throw new UpstreamFailures.UnexpectedAnswer(name + " answered " + status + " to " + operation
                        + (text == null || text.isEmpty() ? "" : ": " + text.substring(0, Math.min(300, text.length()))),
                        status);
            }
            return response;
        }
    }

    private Guard guard(boolean retried) {
        UpstreamSettings.Service.CircuitBreaker breaker = settings.circuitBreaker();
        Guard.Builder builder = Guard.create()
                .withCircuitBreaker().requestVolumeThreshold(breaker.requestVolume())
                .failureRatio(breaker.failureRatio()).delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                .skipOn(io.chatroi.common.problem.ProblemException.class).done();
        if (retried && settings.retries() > 0) {
            Duration delay = settings.retryDelay();
            builder.withRetry().maxRetries(settings.retries()).delay(delay.toMillis(), ChronoUnit.MILLIS)
                    .jitter(delay.toMillis() / 4, ChronoUnit.MILLIS)
                    .whenException(UpstreamFailures::retryable)
                    .withExponentialBackoff().maxDelay(settings.retryMaxDelay().toMillis(), ChronoUnit.MILLIS).done()
                    .done();
        }
        return builder.build();
    }
}
