package io.chatroi.campaigns.link;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

@Path("/r")
@Tag(name = "Tracked links", description = "Public redirects of tracked links that count clicks (no API key)")
public class ClickResource {

    private final ClickService clicks;

    public ClickResource(ClickService clicks) {
        this.clicks = clicks;
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "openTrackedLink", summary = "Open a tracked link", description = "Redirects to the template's link with utm_source=whatsapp,"
            + " utm_medium=message, utm_campaign=<campaign name>, utm_content=<variant>; the first click counts on the"
            + " send (clicked), every click in the send's clicks. Public: no API key.")
    @APIResponse(responseCode = "302", description = "Redirect to the original link")
    @APIResponse(responseCode = "404", description = "Unknown or altered code")
    public Uni<Response> open(@PathParam("code") String code, @HeaderParam(HttpHeaders.USER_AGENT) String userAgent) {
        return clicks.open(code, userAgent).map(ClickResource::redirect);
    }

    @HEAD
    @Path("/{code}")
    @Operation(operationId = "peekTrackedLink", summary = "Where a tracked link leads", description = "The same redirect without counting a click"
            + " (link checkers and previews send HEAD).")
    @APIResponse(responseCode = "302", description = "Redirect to the original link")
    @APIResponse(responseCode = "404", description = "Unknown or altered code")
    public Uni<Response> peek(@PathParam("code") String code) {
        return clicks.peek(code).map(ClickResource::redirect);
    }

    private static Response redirect(String location) {
        return Response.status(Response.Status.FOUND).location(URI.create(location))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
