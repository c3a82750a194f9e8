package io.chatroi.common.upstream;

import io.chatroi.common.tracing.ServerSpans;
import io.chatroi.common.web.ClientCallMetrics;
import io.chatroi.common.web.InternalToken;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;

/** Makes the {@link UpstreamClient} of a sibling service named in {@code chatroi.upstream.<name>.*}. */
@ApplicationScoped
public class Upstreams {

    private final Vertx vertx;
    private final UpstreamSettings settings;
    private final InternalToken token;
    private final ClientCallMetrics calls;
    private final ServerSpans spans;

    public Upstreams(Vertx vertx, UpstreamSettings settings, InternalToken token, ClientCallMetrics calls,
                     ServerSpans spans) {
        this.vertx = vertx;
        this.settings = settings;
        this.token = token;
        this.calls = calls;
        this.spans = spans;
    }

    /** The client of {@code name} (e.g. {@code contacts-service}); create one per client bean and keep it. */
    public UpstreamClient client(String name) {
        UpstreamSettings.Service service = settings.services().get(name);
        if (service == null) {
            throw new IllegalStateException("chatroi.upstream." + name + ".url is not configured");
        }
        WebClient client = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true)
                .setMaxPoolSize(service.connections())
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, service.timeout().toMillis())));
        return new UpstreamClient(name, service, client, token, calls, spans);
    }
}
