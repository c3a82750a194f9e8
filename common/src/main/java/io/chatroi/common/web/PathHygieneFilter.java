package io.chatroi.common.web;

import io.chatroi.common.problem.ProblemType;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Refuses ambiguous request paths ({@link PathHygiene}) with a 400 problem, in every service and the gateway. */
@ApplicationScoped
public class PathHygieneFilter {

    /** After the request id filter (so the answer carries it), before the internal-token check and routing. */
    static final int PRIORITY = 1_950;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String problem = PathHygiene.problem(rc.request().path());
            if (problem == null) {
                rc.next();
            } else {
                ProblemResponses.send(rc, ProblemType.VALIDATION, problem);
            }
        }, PRIORITY);
    }
}
