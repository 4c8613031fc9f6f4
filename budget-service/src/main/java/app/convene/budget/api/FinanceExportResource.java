package app.convene.budget.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

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

import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Roles;
import app.convene.budget.service.FinanceExport;

@Path("/api/finance/journal")
@Tag(name = "Finance export")
public class FinanceExportResource {
    static final String CSV = "text/csv";
    /** Ledger entries read per query (two journal lines each). */
    static final int PAGE_ENTRIES = 2500;

    @Inject
    FinanceExport export;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE)
    @Operation(summary = "Journal lines of a period as JSON",
            description = "Each purchase order or invoice of your organisation's budgets posted in the period (UTC "
                    + "dates, both inclusive) as a debit and a credit of the same amount; balances per currency show debits equal credits. "
                    + "Exporting the same period again gives the identical document.")
    @APIResponse(responseCode = "200", description = "The journal",
            content = @Content(schema = @Schema(implementation = FinanceExport.Journal.class)))
    @APIResponse(responseCode = "400", description = "from or to is missing, not a date, or to is before from")
    @APIResponse(responseCode = "413", description = "export-too-large: more lines than budget.export.synchronous-limit;"
            + " the detail says how to start the export job (POST /api/finance/exports)")
    public Response json(
            @Parameter(description = "First day, e.g. 2027-03-01", required = true) @QueryParam("from") String from,
            @Parameter(description = "Last day, e.g. 2027-03-31", required = true) @QueryParam("to") String to) {
        return stream(period(from, to), FinanceExport.Format.JSON);
    }

    @GET
    @Produces(CSV)
    @RolesAllowed(Roles.FINANCE)
    @Operation(summary = "Journal lines of a period as CSV",
            description = "The same lines as the JSON export, one row each, with a header row.")
    @APIResponse(responseCode = "200", description = "The journal",
            content = @Content(mediaType = CSV))
    @APIResponse(responseCode = "400", description = "from or to is missing, not a date, or to is before from")
    @APIResponse(responseCode = "413", description = "export-too-large: more lines than budget.export.synchronous-limit;"
            + " the detail says how to start the export job (POST /api/finance/exports)")
    public Response csv(
            @Parameter(description = "First day, e.g. 2027-03-01", required = true) @QueryParam("from") String from,
            @Parameter(description = "Last day, e.g. 2027-03-31", required = true) @QueryParam("to") String to) {
        return stream(period(from, to), FinanceExport.Format.CSV);
    }

    /** Streams the journal as it is read, a page of ledger entries at a time: never held in memory. */
    private Response stream(FinanceExport.Period period, FinanceExport.Format format) {
        FinanceExport.Snapshot snapshot = export.synchronous(period, format);
        StreamingOutput body = out -> export.write(period, format, snapshot, PAGE_ENTRIES, out, lines -> {
        });
        Response.ResponseBuilder response = Response.ok(body, format.mediaType + "; charset=UTF-8");
        if (format == FinanceExport.Format.CSV) {
            response.header("Content-Disposition", "attachment; filename=\"" + fileName(period, format) + "\"");
        }
        return response.build();
    }

    static String fileName(FinanceExport.Period period, FinanceExport.Format format) {
        return "journal-" + period.from() + "-" + period.to() + "." + format.extension;
    }

    static FinanceExport.Period period(String from, String to) {
        return new FinanceExport.Period(date("from", from), date("to", to));
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(field, "is required (a date like 2027-03-01)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be a date like 2027-03-01");
        }
    }
}
