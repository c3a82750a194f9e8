package io.chatroi.contacts.interaction;

import java.time.Instant;

/**
 * One message with a contact. {@code externalId} (e.g. the WhatsApp message id) makes recording idempotent;
 * {@code messageType} is free (text, button, image, click...); {@code category} is the template category of an
 * outbound message (marketing messages count toward the weekly cap). {@code optOut} records an explicit
 * marketing preference that came with the message (a tapped stop button, WhatsApp's user_preferences stop or
 * resume): true opts out, false opts back in, null leaves it to the text's opt-out words.
 */
public record InteractionInput(String direction, Instant at, String text, String messageType, String category,
                               String agent, String externalId, Boolean optOut) {
}
