package io.chatroi.gateway.auth;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves a bearer secret to a {@link Caller}. Keys are looked up by the SHA-256 of the secret and cached (known
 * and unknown alike) for {@code chatroi.gateway.key-cache-ttl}, so the hot path does not touch the database; a
 * revocation is immediate on the replica that revoked and takes at most that long on the others. Last-used times
 * are kept in memory and written in one statement every {@code chatroi.gateway.last-used-flush}.
 */
@ApplicationScoped
public class KeyAuthenticator {

    private static final Logger LOG = Logger.getLogger(KeyAuthenticator.class);
    private static final int MAX_CACHED = 10_000;
    private static final Caller BOOTSTRAP = new Caller(Caller.BOOTSTRAP_ID, Role.ADMIN, null);

    private final Pool pool;
    private final Vertx vertx;
    private final long ttlNanos;
    private final Duration flushEvery;
    private final byte[] bootstrapHash;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    /** Unknown secrets apart, so a flood of made-up keys can only empty this map, never evict real keys. */
    private final Map<String, Cached> misses = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> lastUsed = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> unflushed = new ConcurrentHashMap<>();
    private long timer = -1;

    public KeyAuthenticator(Pool pool, Vertx vertx,
                            @ConfigProperty(name = "chatroi.admin-key") Optional<String> adminKey,
                            @ConfigProperty(name = "chatroi.gateway.key-cache-ttl", defaultValue = "30s") Duration ttl,
                            @ConfigProperty(name = "chatroi.gateway.last-used-flush", defaultValue = "60s") Duration flushEvery,
                            Clock clock) {
        this.clock = clock;
        this.pool = pool;
        this.vertx = vertx;
        this.ttlNanos = ttl.toNanos();
        this.flushEvery = flushEvery;
        this.bootstrapHash = adminKey.filter(k -> !k.isBlank()).map(ApiKeySecrets::hash).orElse(null);
    }

    void start(@Observes StartupEvent event) {
        if (bootstrapHash == null) {
            LOG.warn("No CHATROI_ADMIN_KEY: no bootstrap admin key; create keys only with an existing admin key");
        }
        timer = vertx.setPeriodic(flushEvery.toMillis(), id -> flush().subscribe().with(n -> { }, failure ->
                LOG.warnf("Could not record API key last-used times: %s", failure.getMessage())));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        try {
            flush().await().atMost(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.warnf("Could not record API key last-used times at shutdown: %s", e.getMessage());
        }
    }

    /** The SHA-256 of a presented secret, once per request: the cache and the database both look keys up by it. */
    public static KeyHash hash(String secret) {
        return new KeyHash(ApiKeySecrets.hash(secret));
    }

    /**
     * The caller of a key when it is known without asking the database (the bootstrap key, or a key cached as valid
     * within the TTL): the gateway's hot path, answered on the calling thread with no reactive pipeline. Empty means
     * "ask {@link #load}", not "unknown".
     */
    public Optional<Caller> fromCache(KeyHash key) {
        if (bootstrapHash != null && MessageDigest.isEqual(key.bytes(), bootstrapHash)) {
            return Optional.of(BOOTSTRAP);
        }
        Cached cached = cache.get(key.hex());
        return cached != null && System.nanoTime() - cached.at < ttlNanos ? used(cached.caller) : Optional.empty();
    }

    /**
     * The caller of a key {@link #fromCache} did not know (without repeating its checks or hashing the secret again),
     * or empty when the key is unknown or revoked: a secret recently found unknown is answered from memory, anything
     * else from the database, and cached either way.
     */
    public Uni<Optional<Caller>> load(KeyHash key) {
        long now = System.nanoTime();
        Cached miss = misses.get(key.hex());
        if (miss != null && now - miss.at < ttlNanos) {
            return Uni.createFrom().item(Optional.empty());
        }
        return ApiKeyRepository.findActive(pool, key.bytes())
                .map(rows -> {
                    Optional<Caller> caller = Optional.empty();
                    for (Row row : rows) {
                        caller = Role.parse(row.getString("role"))
                                .map(role -> new Caller(row.getUUID("id").toString(), role, row.getString("owner")));
                    }
                    Map<String, Cached> target = caller.isPresent() ? cache : misses;
                    if (target.size() >= MAX_CACHED) {
                        target.clear();
                    }
                    target.put(key.hex(), new Cached(caller, now));
                    return used(caller);
                });
    }

    /** Forgets a cached key (after a revocation) by the hex of its hash. */
    public void forget(String hashHex) {
        cache.remove(hashHex);
        misses.remove(hashHex);
    }

    /** The last use of a key seen by this replica, possibly not yet written. */
    public Instant recentUse(UUID keyId) {
        return lastUsed.get(keyId);
    }

    private Optional<Caller> used(Optional<Caller> caller) {
        caller.filter(c -> !Caller.BOOTSTRAP_ID.equals(c.keyId())).ifPresent(c -> {
            UUID id = UUID.fromString(c.keyId());
            Instant now = clock.instant();
            lastUsed.put(id, now);
            unflushed.put(id, now);
        });
        return caller;
    }

    /** Writes the last-used times gathered since the previous flush, in one statement. */
    Uni<Integer> flush() {
        if (unflushed.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<UUID> ids = new ArrayList<>();
        List<OffsetDateTime> times = new ArrayList<>();
        for (UUID id : List.copyOf(unflushed.keySet())) {
            Instant at = unflushed.remove(id);
            if (at != null) {
                ids.add(id);
                times.add(at.atOffset(ZoneOffset.UTC));
            }
        }
        return ApiKeyRepository.touch(pool, ids.toArray(UUID[]::new), times.toArray(OffsetDateTime[]::new));
    }

    private record Cached(Optional<Caller> caller, long at) {
    }

    /**
     * A presented secret's SHA-256, as bytes (the database's key) and hex (the caches' key, made when first asked for:
     * the bootstrap key, compared by its bytes, never needs it).
     */
    public static final class KeyHash {
        private final byte[] bytes;
        private String hex;

        private KeyHash(byte[] bytes) {
            this.bytes = bytes;
        }

        byte[] bytes() {
            return bytes;
        }

        String hex() {
            if (hex == null) {
                hex = HexFormat.of().formatHex(bytes);
            }
            return hex;
        }
    }
}
