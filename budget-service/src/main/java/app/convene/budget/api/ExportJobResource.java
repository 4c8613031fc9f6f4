package app.convene.budget.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.idempotency.IdempotentRequests;
import app.convene.backbone.security.Roles;
import app.convene.budget.service.ExportJobs;
import app.convene.budget.service.FinanceExport;
import app.convene.backbone.security.Caller;

@Path("/api/finance/exports")
@Tag(name = "Finance export")
public class ExportJobResource {
    @Inject
    ExportJobs jobs;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;

    public record ExportRequest(
            @NotNull @Schema(description = "First day (UTC), inclusive", examples = "2027-01-01") String from,
            @NotNull @Schema(description = "Last day (UTC), inclusive", examples = "2027-12-31") String to,
            @NotNull @Pattern(regexp = "CSV|JSON", message = "must be CSV or JSON")
            @Schema(description = "CSV or JSON: the same file the synchronous export gives", examples = "CSV")
            String format) {
    }

    public record ExportJobResponse(UUID id,
            @Schema(description = "QUEUED, RUNNING, DONE or FAILED") String status,
            LocalDate from, LocalDate to, String format,
            @Schema(description = "Journal lines written so far") long linesWritten,
            @Schema(description = "Journal lines the export holds; null until the job starts") Long linesTotal,
            @Schema(description = "Why the job failed; null unless FAILED") String failure,
            @Schema(description = "Where to download the file; null until DONE", examples =
                    "/api/finance/exports/0b9c…/file") String download,
            String requestedBy, Instant requestedAt, Instant startedAt, Instant finishedAt) {

        static ExportJobResponse of(ExportJobs.Job j) {
            return new ExportJobResponse(j.id(), j.status().name(), j.from(), j.to(), j.format().name(),
                    j.linesWritten(), j.linesTotal(), j.failure(),
                    j.status() == ExportJobs.Status.DONE ? "/api/finance/exports/" + j.id() + "/file" : null,
                    j.requestedBy(), j.requestedAt(), j.startedAt(), j.finishedAt());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE)
    @Operation(summary = "Start an export of a period's journal as a job",
            description = "For periods too large to export at once (GET /api/finance/journal answers 413). The job "
                    + "is queued and run by a worker; follow the Location until the status is DONE, then download "
                    + "the file. With an Idempotency-Key, a retried request answers the first job instead of "
                    + "starting another. The job exports your organisation's journal only.")
    @APIResponse(responseCode = "202", description = "Queued; Location is the job",
            content = @Content(schema = @Schema(implementation = ExportJobResponse.class)))
    @APIResponse(responseCode = "400", description = "from or to missing or not a date, to before from, or format "
            + "not CSV or JSON")
    @APIResponse(responseCode = "409", description = "idempotency-key-in-use: the first request with this key is "
            + "still being processed")
    @APIResponse(responseCode = "422", description = "idempotency-key-reused: the key was first used with another "
            + "request")
    public Response request(
            @Parameter(description = "Makes retries safe: the same key and body answer the first job")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @NotNull @Valid ExportRequest request) {
        FinanceExport.Period period = FinanceExportResource.period(request.from(), request.to());
        FinanceExport.Format format = FinanceExport.Format.valueOf(request.format());
        return idempotent.execute(caller.name(), idempotencyKey, request, () -> {
            ExportJobs.Job job = jobs.request(period, format);
            return Response.accepted(ExportJobResponse.of(job))
                    .location(URI.create("/api/finance/exports/" + job.id())).build();
        });
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE)
    @Operation(summary = "An export job: status, progress and, when done, the download link")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(schema = @Schema(implementation = ExportJobResponse.class)))
    @APIResponse(responseCode = "404", description = "No such export job in your organisation")
    public ExportJobResponse get(@PathParam("id") UUID id) {
        return ExportJobResponse.of(jobs.find(id));
    }

    @GET
    @Path("/{id}/file")
    @Produces({ FinanceExportResource.CSV, MediaType.APPLICATION_JSON })
    @RolesAllowed(Roles.FINANCE)
    @Operation(summary = "Download the file of a finished export job",
            description = "text/csv or application/json as requested when the job was started; identical to the "
                    + "synchronous export of the same period.")
    @APIResponse(responseCode = "200", description = "The journal file",
            content = { @Content(mediaType = FinanceExportResource.CSV),
                    @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = FinanceExport.Journal.class)) })
    @APIResponse(responseCode = "404", description = "No such export job in your organisation")
    @APIResponse(responseCode = "409", description = "export-not-ready (QUEUED or RUNNING) or export-failed")
    public Response file(@PathParam("id") UUID id) {
        ExportJobs.Job job = jobs.downloadable(id);
        // Chunk by chunk, each read in its own short transaction: the file is never held in memory whole.
        StreamingOutput body = out -> {
            for (int seq = 0;; seq++) {
                byte[] chunk = jobs.chunk(id, seq);
                if (chunk == null) {
                    break;
                }
                out.write(chunk);
            }
            out.flush();
        };
        FinanceExport.Period period = new FinanceExport.Period(job.from(), job.to());
        return Response.ok(body, job.format().mediaType + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\""
                        + FinanceExportResource.fileName(period, job.format()) + "\"")
                .build();
    }
}
