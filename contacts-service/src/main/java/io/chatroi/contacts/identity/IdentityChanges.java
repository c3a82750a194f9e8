package io.chatroi.contacts.identity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * WhatsApp telling that a user's identity changed (Meta's {@code user_changed_number} and
 * {@code user_changed_user_id} system messages): the previous phone and/or BSUID name the contact, the new ones
 * replace them on it.
 */
public final class IdentityChanges {

    private IdentityChanges() {
    }

    @Schema(name = "IdentityChangeRequest")
    public record Request(List<Item> items) {
    }

    /** {@code previousPhone} or {@code previousWhatsappUserId} names the contact; {@code phone} or {@code whatsappUserId} is new. */
    @Schema(name = "IdentityChangeItem")
    public record Item(@Schema(nullable = true) String previousPhone,
                       @Schema(nullable = true, example = "US.13491208655302741918") String previousWhatsappUserId,
                       @Schema(nullable = true) String phone,
                       @Schema(nullable = true, example = "US.20491208655302741999") String whatsappUserId,
                       @Schema(nullable = true) Instant at) {
    }

    /**
     * What each item did, in order: {@code changed} (the contact now carries the new identity), {@code merged} (another
     * contact already held it: the two became one, {@code contactId} is the survivor), {@code unchanged} (already
     * applied) or {@code unknown} (no contact holds the previous identity).
     */
    @Schema(name = "IdentityChangeOutcome")
    public record Outcome(int index, String outcome, @Schema(nullable = true) UUID contactId) {
    }

    @Schema(name = "IdentityChangeRejection")
    public record Rejection(int index, String reason) {
    }

    @Schema(name = "IdentityChangeResult")
    public record Result(List<Outcome> items, List<Rejection> rejected) {
    }
}
