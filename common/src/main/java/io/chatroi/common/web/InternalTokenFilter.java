package io.chatroi.common.web;

import io.chatroi.common.problem.ProblemType;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every service answers {@code /api/**} only to callers presenting the internal token (the gateway, or a sibling
 * service), so a pod reached directly inside the cluster is not an open door. Without a configured token the
 * check is off (tests, local tools) and one warning says so at start-up. The gateway turns it off for itself
 * ({@code chatroi.internal-token.enforce=false}): its public callers authenticate with API keys instead.
 */
@ApplicationScoped
public class InternalTokenFilter {

    private static final Logger LOG = Logger.getLogger(InternalTokenFilter.class);
    /** Before routing and body handling, after the request id filter. */
    static final int PRIORITY = 1_900;

    private final InternalTokenCheck check;
    private final boolean enforce;

    public InternalTokenFilter(InternalToken token,
                               @ConfigProperty(name = "chatroi.internal-token.enforce", defaultValue = "true") boolean enforce) {
        this.check = new InternalTokenCheck(token.value());
        this.enforce = enforce;
    }

    void warnWhenOpen(@Observes StartupEvent event) {
        if (enforce && !check.enabled()) {
            LOG.warn("No internal token configured (CHATROI_INTERNAL_TOKEN): /api/** accepts requests from anyone"
                    + " who can reach this service. Set it in every deployment behind the gateway.");
        }
    }

    void register(@Observes Filters filters) {
        if (!enforce || !check.enabled()) {
            return;
        }
        filters.register(rc -> {
            if (check.allows(rc.normalizedPath(), rc.request().getHeader(ChatRoiHeaders.INTERNAL_TOKEN))) {
                rc.next();
            } else {
                ProblemResponses.send(rc, ProblemType.UNAUTHORIZED,
                        "This service answers only requests forwarded by the ChatROI gateway");
            }
        }, PRIORITY);
    }
}
