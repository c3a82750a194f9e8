package io.chatroi.contacts.interaction;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * Bulk interactions keyed by phone or by WhatsApp's business-scoped user id (BSUID), for integrators logging chats
 * from other inboxes and for campaign-service forwarding WhatsApp messages.
 */
public final class BulkInteractions {

    private BulkInteractions() {
    }

    /** {@code createMissingContacts}: unknown phones become new contacts (name and source from the item). */
    public record Request(List<Item> items, boolean createMissingContacts) {
    }

    /**
     * {@code phone} or {@code whatsappUserId} (or both) names the contact; {@code username} is the WhatsApp username
     * the message carried. An item naming a phone and a BSUID held by two contacts merges them (see the README).
     * {@code order}, {@code flowResponse} and {@code referral}: what a WhatsApp message carried (InboundDetails).
     */
    public record Item(@Schema(nullable = true) String phone, String name, String source, String direction,
                       Instant at, String text, String messageType, String category, String agent,
                       String externalId, Boolean optOut,
                       ChatOrder order, String flowResponse, AdReferral referral,
                       @Schema(nullable = true, example = "US.13491208655302741918") String whatsappUserId,
                       @Schema(nullable = true, example = "@realsheenanelson") String username) {

        InteractionInput interaction() {
            return new InteractionInput(direction, at, text, messageType, category, agent, externalId, optOut);
        }

        InboundDetails details() {
            return new InboundDetails(order, flowResponse, referral);
        }
    }

    public record Rejection(int index, String reason) {
    }

    public record Result(int accepted, int duplicates, int contactsCreated, List<Rejection> rejected) {
    }
}
