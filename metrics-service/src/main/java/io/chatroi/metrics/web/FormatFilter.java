package io.chatroi.metrics.web;

import io.chatroi.common.problem.ProblemException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/** {@code ?format=csv} (or {@code json}) chooses the representation as an Accept header would. */
@Provider
@PreMatching
public class FormatFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String format = request.getUriInfo().getQueryParameters().getFirst("format");
        if (format == null || format.isBlank()) {
            return;
        }
        switch (format.toLowerCase()) {
            case "csv" -> request.getHeaders().putSingle(HttpHeaders.ACCEPT, "text/csv");
            case "json" -> request.getHeaders().putSingle(HttpHeaders.ACCEPT, "application/json");
            default -> throw ProblemException.invalid("format", "must be json or csv");
        }
    }
}
