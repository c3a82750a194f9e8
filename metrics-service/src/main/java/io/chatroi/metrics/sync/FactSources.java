package io.chatroi.metrics.sync;

import io.chatroi.common.upstream.UpstreamClient;
import io.chatroi.common.upstream.Upstreams;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Map;

/**
 * The owners metrics-service pulls facts from, over their sync listings ({@code updatedAfter}, {@code after},
 * {@code limit} -> {@code {items, nextCursor}}, by (updatedAt, id)): contacts-service (contacts incl. erased, deals,
 * interactions, merges) and campaign-service (campaigns, sends, resolutions, account events). Timeouts, retries,
 * circuit breakers and the 503/504 mapping are common's {@link UpstreamClient}'s.
 */
@ApplicationScoped
public class FactSources {

    public static final String CONTACTS = "contacts-service";
    public static final String CAMPAIGNS = "campaign-service";

    private final Map<String, UpstreamClient> owners;

    public FactSources(Upstreams upstreams) {
        this.owners = Map.of(CONTACTS, upstreams.client(CONTACTS), CAMPAIGNS, upstreams.client(CAMPAIGNS));
    }

    /** One page of {@code owner}'s listing at {@code /api/v1/<stream>} changed after {@code updatedAfter}. */
    public Uni<UpstreamPage> page(String owner, String stream, Instant updatedAfter, String after, int limit) {
        String path = "/api/v1/" + stream;
        // the path is one of a fixed set of sync listings, so it is a safe metric label
        return owners.get(owner).get(path, path).query("limit", limit)
                .query("updatedAfter", updatedAfter == null ? Instant.EPOCH : updatedAfter).query("after", after)
                .send(FactSources::page);
    }

    /** The account-health events Meta reported since {@code from}, newest first (the alerts read them live). */
    public Uni<UpstreamPage> accountEvents(Instant from, int limit) {
        return owners.get(CAMPAIGNS).get("/api/v1/account-events", "/api/v1/account-events").query("from", from)
                .query("limit", limit).send(FactSources::page);
    }

    private static UpstreamPage page(io.vertx.mutiny.ext.web.client.HttpResponse<?> response) {
        JsonObject body = response.bodyAsJsonObject();
        return new UpstreamPage(body.getJsonArray("items", new JsonArray()), body.getString("nextCursor"));
    }
}
