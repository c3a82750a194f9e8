package io.chatroi.gateway.auth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/v1/api-keys}. */
public record ApiKeyInput(
        @Schema(description = "What the key is for, e.g. the integration or person using it", example = "CRM sync")
        String name,
        @Schema(description = "admin, manager, agent, integrator or viewer", example = "agent")
        String role,
        @Schema(description = "For agents (and only agents): the owner name whose contacts and deals they see",
                example = "alice")
        String owner) {
}
