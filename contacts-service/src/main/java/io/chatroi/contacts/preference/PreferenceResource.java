package io.chatroi.contacts.preference;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.UUID;

@Path("/api/v1/contacts/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Preferences", description = "Communication preferences and the rules that decide whether a message may go out")
public class PreferenceResource {

    private final PreferenceService service;

    public PreferenceResource(PreferenceService service) {
        this.service = service;
    }

    @GET
    @Path("/preferences")
    @Operation(operationId = "getContactPreferences", summary = "Get a contact's communication preferences")
    public Uni<PreferencesDocument> get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PUT
    @Path("/preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setContactPreferences", summary = "Set a contact's communication preferences", description = "Format, contact windows in the"
            + " contact's own time zone (a window may cross midnight), weekly marketing cap and passive flag.")
    public Uni<PreferencesDocument> put(@PathParam("id") UUID id, PreferencesDocument preferences) {
        return service.put(id, preferences);
    }

    @GET
    @Path("/send-eligibility")
    @Operation(operationId = "getSendEligibility", summary = "May a message go to this contact now?", description = "The one place the contact rules"
            + " live: opt-out, weekly cap, passive flag and contact window. Answers allowed, or the reason and the"
            + " next allowed instant.")
    public Uni<PreferenceService.EligibilityAnswer> eligibility(
            @PathParam("id") UUID id,
            @QueryParam("at") @Parameter(description = "ISO instant, default now") String at,
            @QueryParam("category") @Parameter(description = "marketing (default), utility, authentication, service")
            String category,
            @QueryParam("sentThisWeek") @Parameter(description = "marketing messages the caller counted in the last"
                    + " 7 days; default: what the service recorded") Integer sentThisWeek) {
        return service.eligibility(id, io.chatroi.common.web.QueryInstants.parse(at, "at"), category, sentThisWeek);
    }
}
