package io.chatroi.contacts.interaction;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored interaction as listed per contact. */
public record Interaction(UUID id, UUID contactId, String direction, Instant at, String text, String messageType,
                          String category, String agent, String externalId, String intent, List<String> interests,
                          boolean optedOut) {
}
