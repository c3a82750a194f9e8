package io.chatroi.contacts.identity;

import io.chatroi.contacts.contact.ContactRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds the contact a WhatsApp identity names, by phone or by BSUID, on the caller's transaction. What the message
 * adds (a BSUID to a phone contact, a phone to a BSUID contact, a new username) is stored; when the phone and the
 * BSUID belong to two contacts, they are merged by {@link ContactMerge}'s rule and the survivor is returned.
 */
@ApplicationScoped
public class IdentityResolver {

    private final IdentityRepository identities;
    private final ContactRepository contacts;

    public IdentityResolver(IdentityRepository identities, ContactRepository contacts) {
        this.identities = identities;
        this.contacts = contacts;
    }

    public Uni<Optional<UUID>> resolve(SqlClient tx, WhatsAppIdentity identity, Instant now) {
        Uni<Optional<UUID>> byPhone = identity.phone() == null ? Uni.createFrom().item(Optional.<UUID>empty())
                : contacts.findIdByPhone(tx, identity.phone());
        return byPhone.chain(phoneHolder -> {
            if (identity.userId() == null) {
                return attach(tx, phoneHolder, identity, now);
            }
            return identities.findIdByUserId(tx, identity.userId()).chain(userHolder -> {
                if (phoneHolder.isPresent() && userHolder.isPresent() && !phoneHolder.equals(userHolder)) {
                    return merge(tx, phoneHolder.get(), userHolder.get(), identity.username(), now);
                }
                return attach(tx, phoneHolder.isPresent() ? phoneHolder : userHolder, identity, now);
            });
        });
    }

    /** Stores the identity on a contact just created for it. */
    public Uni<Void> remember(SqlClient tx, UUID id, WhatsAppIdentity identity, Instant now) {
        return identities.attach(tx, id, identity.phone(), identity.userId(), identity.username(), now);
    }

    private Uni<Optional<UUID>> attach(SqlClient tx, Optional<UUID> holder, WhatsAppIdentity identity, Instant now) {
        if (holder.isEmpty()) {
            return Uni.createFrom().item(holder);
        }
        return identities.attach(tx, holder.get(), identity.phone(), identity.userId(), identity.username(), now)
                .replaceWith(holder);
    }

    private Uni<Optional<UUID>> merge(SqlClient tx, UUID survivor, UUID absorbed, String username, Instant now) {
        return identities.lockBoth(tx, survivor, absorbed).chain(sides -> {
            ContactMerge.Side merged = ContactMerge.merge(sides.get(survivor), sides.get(absorbed), username);
            return identities.merge(tx, merged, absorbed, now);
        }).replaceWith(Optional.of(survivor));
    }
}
