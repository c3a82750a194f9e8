package io.chatroi.contacts.identity;

import io.chatroi.contacts.contact.ContactStage;

import java.time.Instant;
import java.util.UUID;

/**
 * The merge rule. When one WhatsApp message names a phone held by contact P and a BSUID held by another contact U,
 * both are one person and become one contact:
 * <ul>
 * <li>P survives: phone-keyed records are the ones campaigns, imports, orders and integrators know; a BSUID-only
 * contact can only have come from messages. U is retired (erased, {@code mergedInto} = P) and keeps its id.</li>
 * <li>Nothing is lost: U's interactions, deals, tags and tag history move to P.</li>
 * <li>Fields: P's own values win; P takes U's name, owner, source and communication preferences where P has none
 * (source "other" counts as none), U's BSUID, and the newer username. Times take the union: the earliest creation
 * and opt-out, the latest inbound and outbound message; the intent is whichever was set last. An opt-out on either side stays (a person
 * who said stop once is never messaged again by merging). The stage is the further one along.</li>
 * </ul>
 */
public final class ContactMerge {

    private ContactMerge() {
    }

    /** The fields of one side that a merge reads. */
    public record Side(UUID id, String phone, String userId, String username, String name, String owner,
                       String source, String stage, boolean optedOut, Instant optedOutAt, String intent,
                       Instant intentAt, Instant lastInboundAt, Instant lastOutboundAt, Instant createdAt) {
    }

    /** Merges {@code absorbed} into {@code survivor}; {@code username} is the one the latest message carried. */
    public static Side merge(Side survivor, Side absorbed, String username) {
        boolean optedOut = survivor.optedOut() || absorbed.optedOut();
        boolean absorbedIntentNewer = absorbed.intentAt() != null
                && (survivor.intentAt() == null || absorbed.intentAt().isAfter(survivor.intentAt()));
        return new Side(survivor.id(), survivor.phone() != null ? survivor.phone() : absorbed.phone(),
                absorbed.userId() != null ? absorbed.userId() : survivor.userId(),
                firstNonNull(username, absorbed.username(), survivor.username()),
                firstNonNull(survivor.name(), absorbed.name()), firstNonNull(survivor.owner(), absorbed.owner()),
                survivor.source() == null || "other".equals(survivor.source()) ? absorbed.source() : survivor.source(),
                furtherStage(survivor.stage(), absorbed.stage()), optedOut,
                optedOut ? earliest(survivor.optedOut() ? survivor.optedOutAt() : null,
                        absorbed.optedOut() ? absorbed.optedOutAt() : null) : null,
                absorbedIntentNewer ? absorbed.intent() : survivor.intent(),
                absorbedIntentNewer ? absorbed.intentAt() : survivor.intentAt(),
                latest(survivor.lastInboundAt(), absorbed.lastInboundAt()),
                latest(survivor.lastOutboundAt(), absorbed.lastOutboundAt()),
                earliest(survivor.createdAt(), absorbed.createdAt()));
    }

    /**
     * After an identity change, {@code previous} (the contact that held the old phone or BSUID) meets {@code holder}
     * (a contact already under the new one). The phone-keyed side survives, as in a merge; when both or neither
     * have a phone, the previous holder does, since it carries the history the change continues.
     */
    public static Side survivorOfChange(Side previous, Side holder) {
        return previous.phone() == null && holder.phone() != null ? holder : previous;
    }

    /** The merged fields under the identity WhatsApp now gives the user: a null keeps the merged value. */
    public static Side withIdentity(Side merged, String phone, String userId) {
        return new Side(merged.id(), phone != null ? phone : merged.phone(),
                userId != null ? userId : merged.userId(), merged.username(), merged.name(), merged.owner(),
                merged.source(), merged.stage(), merged.optedOut(), merged.optedOutAt(), merged.intent(),
                merged.intentAt(), merged.lastInboundAt(), merged.lastOutboundAt(), merged.createdAt());
    }

    /** The stage further along; churned only when both sides are churned. */
    static String furtherStage(String a, String b) {
        ContactStage first = ContactStage.fromWire(a);
        ContactStage second = ContactStage.fromWire(b);
        if (first == null || first == ContactStage.CHURNED) {
            return second == null ? a : b;
        }
        if (second == null || second == ContactStage.CHURNED) {
            return a;
        }
        return second.ordinal() > first.ordinal() ? b : a;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isAfter(b) ? a : b;
    }
}
