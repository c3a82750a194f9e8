package io.chatroi.contacts.identity;

import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.Validator;
import io.chatroi.contacts.contact.Contact;
import io.chatroi.contacts.contact.ContactRepository;
import io.chatroi.contacts.contact.ContactRow;
import io.chatroi.common.phone.PhoneNumbers;
import io.chatroi.contacts.web.AgentScope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds one contact by any name WhatsApp gives it: the phone, the BSUID or the username. An agent only finds its
 * own contacts (another owner's is a 404, so its existence is not revealed).
 */
@ApplicationScoped
public class ContactLookup {

    private final Pool pool;
    private final ContactRepository contacts;
    private final IdentityRepository identities;
    private final Clock clock;

    public ContactLookup(Pool pool, ContactRepository contacts, IdentityRepository identities, Clock clock) {
        this.pool = pool;
        this.contacts = contacts;
        this.identities = identities;
        this.clock = clock;
    }

    public Uni<Contact> find(String phone, String userId, String username, String role, String owner) {
        Validator errors = new Validator();
        String e164 = null;
        if (phone != null && !phone.isBlank()) {
            e164 = PhoneNumbers.parse(phone, null).map(PhoneNumbers.Parsed::e164).orElse(null);
            if (e164 == null) {
                errors.add("phone", "'" + phone + "' is not a valid phone number");
            }
        }
        String user = userId == null || userId.isBlank() ? null : userId.strip();
        String name = username == null || username.isBlank() ? null : username.strip();
        if (e164 == null && user == null && name == null && !errors.hasErrors()) {
            errors.add("phone", "one of phone, whatsappUserId or username is required");
        }
        WhatsAppIdentity.check(errors, user, name);
        errors.throwIfInvalid();
        String what = user != null ? "Contact with whatsappUserId" : e164 != null ? "Contact with phone"
                : "Contact with username";
        String key = user != null ? user : e164 != null ? e164 : name;
        Uni<Optional<UUID>> id = user != null ? identities.findIdByUserId(pool, user)
                : e164 != null ? contacts.findIdByPhone(pool, e164) : identities.findIdByUsername(pool, name);
        return id.chain(found -> found.isEmpty() ? Uni.createFrom().item(Optional.<ContactRow>empty())
                        : contacts.find(pool, found.get()))
                .map(row -> row.map(r -> r.toContact(clock.instant()))
                        .filter(contact -> !AgentScope.isAgent(role) || java.util.Objects.equals(owner, contact.owner()))
                        .orElseThrow(() -> ProblemException.notFound(what, key)));
    }
}
