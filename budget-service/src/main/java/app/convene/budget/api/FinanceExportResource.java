package app.convene.budget.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.audit.AuditedChanges;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Roles;
import app.convene.budget.domain.Journal;
import app.convene.budget.service.FinanceExport;
import app.convene.budget.service.JournalFile;
import app.convene.budget.service.JournalMarkers;

@Path("/api/finance/journal")
@Tag(name = "Finance export")
@AuditedChanges
public class FinanceExportResource {
    private static final String FORMAT = "CSV, JSON or SIE4 (a SIE type 4 file in code page 437, amounts in the "
            + "currency the period's budgets share); when left out, the Accept header chooses CSV or JSON";
    private static final String SINCE = "marker: only the entries after the exported-up-to marker "
            + "(GET /api/finance/journal/marker); left out: the whole period";
    private static final String UP_TO = "The newest ledger entry the file holds: move the exported-up-to marker "
            + "there once it is booked (PUT /api/finance/journal/marker)";

    @Inject
    FinanceExport export;
    @Inject
    JournalMarkers markers;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE)
    @Operation(operationId = "exportJournal", summary = "Journal lines of a period as JSON",
            description = "Each purchase order or invoice of your organisation's budgets posted in the period (UTC "
                    + "dates, both inclusive) as a debit and a credit of the same amount; balances per currency show debits equal credits. "
                    + "Exporting the same period again gives the identical document. format=SIE4 answers the "
                    + "same entries as a SIE 4 file; since=marker only what is new since the exported-up-to marker.")
    @APIResponse(responseCode = "200", description = "The journal",
            headers = @Header(name = JournalFile.UP_TO_HEADER, description = UP_TO,
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = { @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Journal.class)), @Content(mediaType = Journal.SIE) })
    @APIResponse(responseCode = "400", description = Descriptions.JOURNAL_PERIOD_INVALID
            + "; format not CSV, JSON or SIE4; since other than marker")
    @APIResponse(responseCode = "409", description = "sie-currency-mixed: the period holds entries of budgets in "
            + "more than one currency, which a SIE file cannot carry")
    @APIResponse(responseCode = "413", description = Descriptions.JOURNAL_TOO_LARGE)
    public Response json(
            @Parameter(description = Descriptions.JOURNAL_FROM, required = true) @QueryParam("from") String from,
            @Parameter(description = Descriptions.JOURNAL_TO, required = true) @QueryParam("to") String to,
            @Parameter(description = FORMAT) @QueryParam("format") String format,
            @Parameter(description = SINCE) @QueryParam("since") String since) {
        return journal(from, to, format, since, Journal.Format.JSON);
    }

    @GET
    @Produces(Journal.CSV)
    @RolesAllowed(Roles.FINANCE)
    @Operation(operationId = "exportJournal", summary = "Journal lines of a period as CSV or SIE 4",
            description = "The same lines as the JSON export, one row each, with a header row; with format=SIE4 "
                    + "a SIE type 4 file (application/x-sie): #FLAGGA, #PROGRAM, #FORMAT PC8, #GEN, "
                    + "#SIETYP 4, #FNAMN, #RAR, #VALUTA, #DIM, #KONTO for every account used, #OBJEKT for every cost "
                    + "centre and event, and one #VER per ledger entry whose two #TRANS balance to zero.")
    @APIResponse(responseCode = "200", description = "The journal",
            headers = @Header(name = JournalFile.UP_TO_HEADER, description = UP_TO,
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = { @Content(mediaType = Journal.CSV), @Content(mediaType = Journal.SIE) })
    @APIResponse(responseCode = "400", description = Descriptions.JOURNAL_PERIOD_INVALID
            + "; format not CSV, JSON or SIE4; since other than marker")
    @APIResponse(responseCode = "409", description = "sie-currency-mixed: the period holds entries of budgets in "
            + "more than one currency, which a SIE file cannot carry")
    @APIResponse(responseCode = "413", description = Descriptions.JOURNAL_TOO_LARGE)
    public Response csv(
            @Parameter(description = Descriptions.JOURNAL_FROM, required = true) @QueryParam("from") String from,
            @Parameter(description = Descriptions.JOURNAL_TO, required = true) @QueryParam("to") String to,
            @Parameter(description = FORMAT) @QueryParam("format") String format,
            @Parameter(description = SINCE) @QueryParam("since") String since) {
        return journal(from, to, format, since, Journal.Format.CSV);
    }

    private Response journal(String from, String to, String formatText, String since, Journal.Format negotiated) {
        Journal.Period period = Journal.Period.parse(from, to);
        Journal.Format format = formatText == null ? negotiated : Journal.Format.parse("format", formatText);
        if (since != null && !since.equals("marker")) {
            throw ProblemException.invalidField("since", "must be marker or left out");
        }
        JournalFile file = export.journal(period, format, since != null);
        Response.ResponseBuilder response = Response.ok((StreamingOutput) file.body()::writeTo, file.contentType())
                .header(JournalFile.UP_TO_HEADER, file.upToLedgerId());
        if (format != Journal.Format.JSON) {
            response.header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"");
        }
        return response.build();
    }

    @GET
    @Path("/marker")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE)
    @Operation(operationId = "getJournalMarker", summary = "How far your organisation's journal was exported",
            description = "An export with since=marker holds only the ledger entries after upTo.")
    @APIResponse(responseCode = "200", description = "The marker; upTo 0 while it was never set",
            content = @Content(schema = @Schema(implementation = JournalMarkerResponse.class)))
    public JournalMarkerResponse marker() {
        return JournalMarkerResponse.of(markers.get());
    }

    @PUT
    @Path("/marker")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE)
    @Operation(operationId = "markJournalExported", summary = "Mark your organisation's journal exported up to an "
            + "entry", description = "Once an export is booked, move the marker to its Journal-Up-To: the next "
                    + "export with since=marker holds only what was recorded after. The marker only moves forward; "
                    + "setting it where it stands changes nothing.")
    @APIResponse(responseCode = "200", description = "The marker",
            content = @Content(schema = @Schema(implementation = JournalMarkerResponse.class)))
    @APIResponse(responseCode = "400", description = "upTo missing, negative or past the newest ledger entry")
    @APIResponse(responseCode = "409", description = "marker-behind: the marker already stands further")
    public JournalMarkerResponse mark(@NotNull @Valid JournalMarkerRequest request) {
        return JournalMarkerResponse.of(markers.moveTo(request.upTo()));
    }
}
