package app.convene.budget.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.security.Roles;
import app.convene.budget.domain.Journal;
import app.convene.budget.service.FinanceExport;
import app.convene.budget.service.JournalFile;

@Path("/api/finance/journal")
@Tag(name = "Finance export")
public class FinanceExportResource {
    @Inject
    FinanceExport export;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE)
    @Operation(operationId = "exportJournal", summary = "Journal lines of a period as JSON",
            description = "Each purchase order or invoice of your organisation's budgets posted in the period (UTC "
                    + "dates, both inclusive) as a debit and a credit of the same amount; balances per currency show debits equal credits. "
                    + "Exporting the same period again gives the identical document.")
    @APIResponse(responseCode = "200", description = "The journal",
            content = @Content(schema = @Schema(implementation = Journal.class)))
    @APIResponse(responseCode = "400", description = Descriptions.JOURNAL_PERIOD_INVALID)
    @APIResponse(responseCode = "413", description = Descriptions.JOURNAL_TOO_LARGE)
    public Response json(
            @Parameter(description = Descriptions.JOURNAL_FROM, required = true) @QueryParam("from") String from,
            @Parameter(description = Descriptions.JOURNAL_TO, required = true) @QueryParam("to") String to) {
        JournalFile file = export.journal(Journal.Period.parse(from, to), Journal.Format.JSON);
        return Response.ok((StreamingOutput) file.body()::writeTo, file.contentType()).build();
    }

    @GET
    @Produces(Journal.CSV)
    @RolesAllowed(Roles.FINANCE)
    @Operation(operationId = "exportJournal", summary = "Journal lines of a period as CSV",
            description = "The same lines as the JSON export, one row each, with a header row.")
    @APIResponse(responseCode = "200", description = "The journal",
            content = @Content(mediaType = Journal.CSV))
    @APIResponse(responseCode = "400", description = Descriptions.JOURNAL_PERIOD_INVALID)
    @APIResponse(responseCode = "413", description = Descriptions.JOURNAL_TOO_LARGE)
    public Response csv(
            @Parameter(description = Descriptions.JOURNAL_FROM, required = true) @QueryParam("from") String from,
            @Parameter(description = Descriptions.JOURNAL_TO, required = true) @QueryParam("to") String to) {
        JournalFile file = export.journal(Journal.Period.parse(from, to), Journal.Format.CSV);
        return Response.ok((StreamingOutput) file.body()::writeTo, file.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"").build();
    }
}
