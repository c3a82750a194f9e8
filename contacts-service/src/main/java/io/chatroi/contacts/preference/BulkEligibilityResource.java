package io.chatroi.contacts.preference;

import io.chatroi.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/send-eligibility")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Preferences", description = "Communication preferences and the rules that decide whether a message may go out")
public class BulkEligibilityResource {

    private final PreferenceService service;

    public BulkEligibilityResource(PreferenceService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "checkSendEligibility", summary = "Send eligibility of up to 1,000 contacts", description = "The same rule as"
            + " /contacts/{id}/send-eligibility, answered in the order of contactIds; unknown ids answer"
            + " allowed false with reason not_found.")
    public Uni<List<PreferenceService.EligibilityAnswer>> eligibility(BulkEligibilityRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "{contactIds, at, category} is required");
        }
        return service.eligibility(request.contactIds(), request.at(), request.category());
    }
}
