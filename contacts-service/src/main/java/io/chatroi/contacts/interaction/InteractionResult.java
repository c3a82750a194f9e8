package io.chatroi.contacts.interaction;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A recorded interaction and what it did to the contact. {@code duplicate} is true when the externalId was
 * recorded before: nothing was applied twice.
 */
public record InteractionResult(
        UUID id,
        UUID contactId,
        String direction,
        Instant at,
        boolean duplicate,
        @Schema(nullable = true) String intentSignal,
        Set<String> interests,
        boolean optOut,
        @Schema(nullable = true) ContactEffect contact) {

    /** The contact after the interaction. */
    public record ContactEffect(String stage, boolean optedOut, String activity,
                                @Schema(nullable = true) String intent, List<String> tags) {
    }
}
