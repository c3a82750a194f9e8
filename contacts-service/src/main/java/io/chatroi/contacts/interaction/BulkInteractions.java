package io.chatroi.contacts.interaction;

import java.time.Instant;
import java.util.List;

/** Bulk interactions keyed by phone, for integrators logging chats from other inboxes. */
public final class BulkInteractions {

    private BulkInteractions() {
    }

    /** {@code createMissingContacts}: unknown phones become new contacts (name and source from the item). */
    public record Request(List<Item> items, boolean createMissingContacts) {
    }

    /** {@code order}, {@code flowResponse} and {@code referral}: what a WhatsApp message carried (InboundDetails). */
    public record Item(String phone, String name, String source, String direction, Instant at, String text,
                       String messageType, String category, String agent, String externalId, Boolean optOut,
                       ChatOrder order, String flowResponse, AdReferral referral) {

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
