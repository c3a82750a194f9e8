package io.chatroi.contacts.segment;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record SegmentView(
        UUID id,
        String name,
        @Schema(nullable = true) String description,
        Map<String, Object> filter,
        Instant createdAt,
        Instant updatedAt) {
}
