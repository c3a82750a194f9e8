package io.chatroi.contacts.csv;

import io.chatroi.contacts.filter.ContactFilterParser;
import io.chatroi.contacts.web.Caller;
import io.smallrye.mutiny.Multi;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.List;

@Path("/api/v1/contacts")
@Tag(name = "Contacts", description = "The people a workspace messages: create, filter, import and export, erase (GDPR), re-tier")
public class ContactCsvResource {

    private static final String CSV = "text/csv";

    private final ContactImportService importer;
    private final ContactExportService exporter;

    public ContactCsvResource(ContactImportService importer, ContactExportService exporter) {
        this.importer = importer;
        this.exporter = exporter;
    }

    @POST
    @Path("/import")
    @Consumes(CSV)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importContacts", summary = "Import contacts from CSV", description = "Header row; columns phone (required), name,"
            + " company, country, language, timeZone, source (default import), owner, stage, acceptedAt, optedOut,"
            + " tags (separated by ; or |, unknown tags are created); other columns become attributes. Up to"
            + " 100,000 rows and 64 MiB (413 past it). Existing phones are updated with the columns given. Bad rows are"
            + " reported by line; a row longer than 131,072 characters is skipped unread and reported the same way."
            + " Good rows land together in one transaction.")
    // blocking with a stream parameter: the body is read as it arrives on a worker thread, never buffered whole
    @Blocking
    @RequestBody(required = true, content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    public Uni<ImportResult> importCsv(InputStream body, @HeaderParam(Caller.KEY_ID_HEADER) String keyId) {
        return importer.importCsv(body, Caller.of(keyId));
    }

    @GET
    @Path("/export")
    @Produces(CSV)
    @Operation(operationId = "exportContacts", summary = "Export contacts as CSV", description = "Streams every contact matching the same filters"
            + " as the contact list, with tags.")
    public Multi<String> export(@Context UriInfo uri) {
        return exporter.export(ContactFilterParser.fromQuery(uri.getQueryParameters(), List.of()));
    }
}
