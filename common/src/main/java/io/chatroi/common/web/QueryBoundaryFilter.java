package io.chatroi.common.web;

import io.chatroi.common.input.TextRules;
import io.chatroi.common.problem.ProblemType;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;

/**
 * The edge for query parameters, in every service and the gateway: a name or value holding a control character
 * (NUL and the rest of C0, tab and newline included) or a value longer than {@link TextRules#MAX_QUERY_VALUE}
 * characters answers a 400 problem naming the parameter before anything reads it.
 */
@ApplicationScoped
public class QueryBoundaryFilter {

    /** Right after the path check. */
    static final int PRIORITY = PathHygieneFilter.PRIORITY - 5;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String[] refused = problem(rc);
            if (refused == null) {
                rc.next();
            } else {
                ProblemResponses.sendInvalid(rc, refused[0], refused[1]);
            }
        }, PRIORITY);
    }

    /** {parameter, message} of the first refused parameter, or null. */
    static String[] problem(RoutingContext rc) {
        String query = rc.request().query();
        if (query == null || query.isEmpty()) {
            return null;
        }
        MultiMap params;
        try {
            params = rc.queryParams();
        } catch (RuntimeException e) {
            return new String[]{"query", "is not a valid URL query (bad percent-encoding)"};
        }
        for (Map.Entry<String, String> param : params) {
            String name = param.getKey();
            if (TextRules.lineProblem(name, TextRules.MAX_LABEL) != null) {
                return new String[]{"query", "parameter names must be short and hold no control characters"};
            }
            String problem = TextRules.lineProblem(param.getValue(), TextRules.MAX_QUERY_VALUE);
            if (problem != null) {
                return new String[]{name, problem};
            }
        }
        return null;
    }
}
