package io.chatroi.gateway.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who the calling key is, for a frontend choosing what to show: its role ({@code admin}, {@code manager},
 * {@code agent}, {@code integrator}, {@code viewer}) and, for an agent, the owner whose records it sees.
 */
public record Me(String role, @Schema(nullable = true) String owner) {

    static Me of(Caller caller) {
        return new Me(caller.role().wire(), caller.role() == Role.AGENT ? caller.owner() : null);
    }
}
