package io.chatroi.contacts.deal;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/order-deals")
@Tag(name = "Deals")
public class OrderDealResource {

    private final OrderDealService service;

    public OrderDealResource(OrderDealService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true, summary = "Keep the deals of shop orders (campaign-service)", description = "Internal: campaign-service"
            + " forwards shop orders here. Each is matched to a contact by phone; a paid order is a won deal (its"
            + " revenue after refunds, the contact's owner, the credited campaign, origin <source>:<order id>), a"
            + " cancelled or refunded one's deal is lost. Unmatched orders come back with a null contactId.")
    public Uni<OrderDealInput.Results> apply(OrderDealInput input) {
        return service.apply(input);
    }
}
