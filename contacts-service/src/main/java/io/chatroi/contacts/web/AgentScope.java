package io.chatroi.contacts.web;

import io.chatroi.common.input.TextRules;
import io.chatroi.common.problem.ProblemException;
import io.chatroi.common.problem.ProblemType;
import io.chatroi.common.web.ChatRoiHeaders;
import io.chatroi.common.web.OwnerQuery;
import io.chatroi.contacts.contact.ContactInput;
import io.chatroi.contacts.contact.ContactRepository;
import io.chatroi.contacts.deal.DealInput;
import io.chatroi.contacts.deal.DealRepository;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Agent isolation: a request the gateway marks as coming from an agent ({@code X-ChatROI-Role: agent} with
 * {@code X-ChatROI-Owner}) sees and changes only contacts and deals of that owner. Lists are narrowed to the owner
 * (whatever owner filter the agent sent), one contact or deal of another owner is a 404 (its existence is not
 * revealed), and creates and patches cannot hand records to another owner. Requests without the role header
 * (other roles, tests, local tools) are unaffected; services trust the header only behind the internal token.
 */
@ApplicationScoped
public class AgentScope {

    public static final String AGENT = "agent";
    /**
     * List paths and the query parameter that names the owner there; with {@link #RECORDS}, the agent scope of
     * contacts-service's paths as the gateway's route rules write it (AgentScopeFollowsRouteRulesTest compares them).
     */
    static final Map<String, String> LISTS = Map.of(
            "/api/v1/contacts", "owners", "/api/v1/contacts/export", "owners", "/api/v1/contacts/audience", "owners",
            "/api/v1/deals", "owner", "/api/v1/follow-ups", "owner", "/api/v1/top-asks", "owner");
    /** Record paths ({@code *} is the record's id, and the paths below it count too) and what they hold. */
    static final Map<String, Owned> RECORDS = Map.of(
            "/api/v1/contacts/*", Owned.CONTACT, "/api/v1/deals/*", Owned.DEAL);

    /** Records that have an owner, and what one is called in a 404. */
    enum Owned {
        CONTACT("Contact"), DEAL("Deal");

        final String what;

        Owned(String what) {
            this.what = what;
        }
    }

    // the owners are read through the repositories of the tables that hold them: this filter decides, they query
    private final ContactRepository contacts;
    private final DealRepository deals;
    private final Pool pool;

    public AgentScope(ContactRepository contacts, DealRepository deals, Pool pool) {
        this.contacts = contacts;
        this.deals = deals;
        this.pool = pool;
    }

    public static boolean isAgent(String role) {
        return AGENT.equals(role);
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> narrow(ContainerRequestContext request) {
        if (!isAgent(request.getHeaderString(ChatRoiHeaders.ROLE))) {
            return Uni.createFrom().nullItem();
        }
        String owner = request.getHeaderString(ChatRoiHeaders.OWNER);
        if (owner == null || owner.isBlank()) {
            return Uni.createFrom().failure(forbidden("an agent key without an owner sees nothing"));
        }
        if (TextRules.ownerProblem(owner) != null) {
            // the injected filter must be one exact owner: a name the filter syntax would split sees nothing
            return Uni.createFrom().failure(forbidden("this agent key's owner name cannot narrow a list: "
                    + TextRules.ownerProblem(owner)));
        }
        URI uri = request.getUriInfo().getRequestUri();
        String path = uri.getPath();
        String ownerParam = LISTS.get(path);
        if (ownerParam != null && request.getMethod().equals("GET")) {
            request.setRequestUri(withOwner(uri, ownerParam, owner));
            return Uni.createFrom().nullItem();
        }
        for (Map.Entry<String, Owned> record : RECORDS.entrySet()) {
            String id = recordId(record.getKey(), path);
            if (id != null) {
                return requireOwn(record.getValue(), id, owner).replaceWith((Response) null);
            }
        }
        return Uni.createFrom().nullItem();
    }

    /**
     * The id segment of {@code path} under a record pattern ({@code /api/v1/contacts/*}), or null. Any segment, not
     * only canonical UUIDs: UUID.fromString (and so the resource) also reads other spellings.
     */
    static String recordId(String pattern, String path) {
        String prefix = pattern.substring(0, pattern.length() - 1);
        if (!path.startsWith(prefix)) {
            return null;
        }
        String rest = path.substring(prefix.length());
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        return id.isEmpty() ? null : id;
    }

    /** 404 unless the contact or deal {@code id} belongs to {@code owner}. */
    private Uni<Void> requireOwn(Owned owned, String id, String owner) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().voidItem(); // the resource answers the malformed id
        }
        Uni<Optional<String>> actual = switch (owned) {
            case CONTACT -> contacts.findHolder(pool, uuid)
                    .map(holder -> holder.map(ContactRepository.PhoneHolder::owner));
            case DEAL -> deals.findOwner(pool, uuid);
        };
        return actual.map(found -> {
            // a missing record and another owner's look the same: the agent learns nothing of the other's
            if (!found.map(owner::equals).orElse(false)) {
                throw ProblemException.notFound(owned.what, uuid);
            }
            return null;
        });
    }

    /** An agent's new contact is its own: another owner is refused, none becomes the agent. */
    public static ContactInput ownContact(ContactInput input, String role, String owner) {
        if (!isAgent(role) || input == null) {
            return input;
        }
        requireSameOwner(input.owner(), owner);
        return new ContactInput(input.phone(), input.name(), input.company(), input.country(), input.language(),
                input.timeZone(), input.source(), owner, input.stage(), input.acceptedAt(), input.optedOut(),
                input.referredBy(), input.attributes(), input.tags());
    }

    /** An agent's new deal is its own, on one of its own contacts. */
    public Uni<DealInput> ownDeal(DealInput input, String role, String owner) {
        if (!isAgent(role) || input == null) {
            return Uni.createFrom().item(input);
        }
        requireSameOwner(input.owner(), owner);
        DealInput own = new DealInput(input.contactId(), input.stage(), input.inquiryAt(), input.quotedAt(),
                input.quoteAmount(), input.wonAt(), input.lostAt(), input.orderAmount(), input.profit(),
                input.currency(), input.campaignId(), owner);
        if (input.contactId() == null) {
            return Uni.createFrom().item(own);
        }
        return contacts.findHolder(pool, input.contactId()).map(holder -> {
            if (holder.isPresent() && !owner.equals(holder.get().owner())) {
                throw ProblemException.invalid("contactId", "contact " + input.contactId() + " does not exist");
            }
            return own;
        });
    }

    /** A patch by an agent cannot give the record to another owner. */
    public static void ownPatch(JsonNode patch, String role, String owner) {
        if (isAgent(role) && patch != null && patch.has("owner")) {
            requireSameOwner(patch.get("owner").isNull() ? "" : patch.get("owner").asText(), owner);
        }
    }

    private static void requireSameOwner(String requested, String owner) {
        if (requested != null && !requested.equals(owner)) {
            throw forbidden("an agent cannot assign contacts or deals to another owner");
        }
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail, null, null);
    }

    static URI withOwner(URI uri, String param, String owner) {
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath() + "?"
                + OwnerQuery.narrow(uri.getRawQuery(), param, owner));
    }
}
