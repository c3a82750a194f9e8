package io.chatroi.campaigns.provider;

import io.smallrye.mutiny.Uni;

/** Sends template messages; the answer is the provider's message id, which receipts will refer to. */
public interface MessageProvider {

    /** Fails with {@link ProviderException} when the provider refuses or cannot be reached. */
    Uni<String> send(OutboundMessage message);

    /**
     * Whether this provider can send to a business-scoped user id when no phone is known (the WhatsApp Cloud API's
     * {@code recipient} field); a send without a phone is skipped otherwise.
     */
    default boolean reachesUserIds() {
        return false;
    }
}
