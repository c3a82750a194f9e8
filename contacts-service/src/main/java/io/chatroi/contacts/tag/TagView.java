package io.chatroi.contacts.tag;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tag as the API returns it; system tags are set automatically and cannot be deleted. */
public record TagView(
        String name,
        String colour,
        String category,
        @Schema(nullable = true) String description,
        boolean system,
        Instant createdAt,
        Instant updatedAt) {
}
