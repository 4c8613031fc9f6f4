package app.convene.budget.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

import app.convene.backbone.audit.AuditedChanges;
import app.convene.backbone.idempotency.IdempotentRequests;
import app.convene.backbone.paging.Slice;
import app.convene.backbone.revalidation.Revalidated;
import app.convene.backbone.security.Roles;
import app.convene.backbone.security.Caller;
import app.convene.budget.domain.ExportJob;
import app.convene.budget.domain.Journal;
import app.convene.budget.service.ExportJobs;
import app.convene.budget.service.JournalFile;

@Path("/api/finance/exports")
@Tag(name = "Finance export")
@AuditedChanges
public class ExportJobResource {
    @Inject
    ExportJobs jobs;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE)
    @Operation(operationId = "startFinanceExport", summary = "Start an export of a period's journal as a job",
            description = "For periods too large to export at once (GET /api/finance/journal answers 413), as CSV, "
                    + "JSON or SIE 4; with since=marker only the entries after the exported-up-to marker. The job "
                    + "is queued and run by a worker; follow the Location until the status is DONE, then download "
                    + "the file. With an Idempotency-Key, a retried request answers the first job instead of "
                    + "starting another. The job exports your organisation's journal only.")
    @APIResponse(responseCode = "202", description = "Queued; Location is the job",
            content = @Content(schema = @Schema(implementation = ExportJobResponse.class)))
    @APIResponse(responseCode = "400", description = "from or to missing or not a date, to before from, format "
            + "not CSV, JSON or SIE4, or since other than marker")
    @APIResponse(responseCode = "409", description = "idempotency-key-in-use: the first request with this key is "
            + "still being processed")
    @APIResponse(responseCode = "422", description = "idempotency-key-reused: the key was first used with another "
            + "request")
    public Response request(
            @Parameter(description = "Makes retries safe: the same key and body answer the first job")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @NotNull @Valid ExportRequest request) {
        Journal.Period period = Journal.Period.parse(request.from(), request.to());
        Journal.Format format = Journal.Format.valueOf(request.format());
        boolean sinceMarker = request.since() != null;
        return idempotent.execute(caller.name(), idempotencyKey, request, () -> {
            ExportJob job = jobs.request(period, format, sinceMarker);
            return Response.accepted(ExportJobResponse.of(job))
                    .location(URI.create("/api/finance/exports/" + job.id())).build();
        });
    }

    /** A page of export jobs, newest first, and where the next page starts. */
    public record ExportJobPage(@Schema(required = true) List<ExportJobResponse> exports,
            @Schema(description = "Pass as 'after' for older jobs; null on the last page") UUID next) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE)
    @Operation(operationId = "listFinanceExports",
            summary = "The organisation's export jobs, newest first, a page at a time",
            description = "Finance staff only. Each job as getFinanceExport answers it. Follow `next` as `after` for "
                    + "older jobs.")
    @APIResponse(responseCode = "200", description = "A page of jobs",
            content = @Content(schema = @Schema(implementation = ExportJobPage.class)))
    @APIResponse(responseCode = "400", description = "after is not the id of an export job of your organisation, "
            + "or limit is not 1 to " + ExportJobs.MAX_PAGE)
    public ExportJobPage list(
            @Parameter(description = "The last job of the previous page (its `next`)") @QueryParam("after")
            UUID after,
            @Parameter(description = "Page size, 1 to " + ExportJobs.MAX_PAGE) @QueryParam("limit")
            @DefaultValue("20") @Min(1) @Max(ExportJobs.MAX_PAGE) int limit) {
        Slice<ExportJob> page = jobs.list(after, limit);
        return new ExportJobPage(page.rows().stream().map(ExportJobResponse::of).toList(), page.next(ExportJob::id));
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE)
    @Revalidated
    @Operation(operationId = "getFinanceExport",
            summary = "An export job: status, progress and, when done, the download link",
            description = "Finance staff only. Poll until the job is done, then fetch its file "
                    + "(downloadFinanceExport); another organisation's job is a 404.")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(schema = @Schema(implementation = ExportJobResponse.class)))
    @APIResponse(responseCode = "404", description = Descriptions.NO_EXPORT_JOB)
    @APIResponse(responseCode = "304", description = Revalidated.NOT_MODIFIED)
    public ExportJobResponse get(@PathParam("id") UUID id) {
        return ExportJobResponse.of(jobs.find(id));
    }

    @GET
    @Path("/{id}/file")
    @Produces({ Journal.CSV, MediaType.APPLICATION_JSON, Journal.SIE })
    @RolesAllowed(Roles.FINANCE)
    @Operation(operationId = "downloadFinanceExport", summary = "Download the file of a finished export job",
            description = "text/csv, application/json or application/x-sie (code page 437) as requested when the "
                    + "job was started; identical to the synchronous export of the same period. Journal-Up-To names "
                    + "the newest ledger entry it holds.")
    @APIResponse(responseCode = "200", description = "The journal file",
            content = { @Content(mediaType = Journal.CSV),
                    @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Journal.class)),
                    @Content(mediaType = Journal.SIE) })
    @APIResponse(responseCode = "404", description = Descriptions.NO_EXPORT_JOB)
    @APIResponse(responseCode = "409", description = "export-not-ready (QUEUED or RUNNING) or export-failed")
    public Response file(@PathParam("id") UUID id) {
        JournalFile file = jobs.file(id);
        return Response.ok((StreamingOutput) file.body()::writeTo, file.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                .header(JournalFile.UP_TO_HEADER, file.upToLedgerId()).build();
    }
}
