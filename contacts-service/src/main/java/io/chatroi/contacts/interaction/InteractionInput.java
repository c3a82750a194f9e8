package io.chatroi.contacts.interaction;

import java.time.Instant;

/**
 * One message with a contact. {@code externalId} (e.g. the WhatsApp message id) makes recording idempotent;
 * {@code messageType} is free (text, button, image, click...); {@code category} is the template category of an
 * outbound message (marketing messages count toward the weekly cap).
 */
public record InteractionInput(String direction, Instant at, String text, String messageType, String category,
                               String agent, String externalId) {
}
