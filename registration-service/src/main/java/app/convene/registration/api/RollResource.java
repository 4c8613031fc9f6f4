package app.convene.registration.api;

import jakarta.ws.rs.HeaderParam;
import app.convene.backbone.idempotency.IdempotentRequests;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import app.convene.backbone.problem.Problem;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.registration.domain.Registration;
import app.convene.registration.domain.RegistrationStatus;
import app.convene.registration.api.EventResource.EventResponse;
import app.convene.registration.api.RegistrationResource.RegistrationResponse;
import app.convene.registration.service.Registrations;
import app.convene.registration.service.Roll;
import io.quarkus.narayana.jta.QuarkusTransaction;

@Path("/api/events/{eventId}")
@Tag(name = "Attendance roll")
public class RollResource {
    private static final int EXPORT_BATCH = 1000;
    private static final CsvMapper CSV = (CsvMapper) new CsvMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final CsvSchema CSV_SCHEMA = CSV.schemaFor(RollRow.class).withHeader();

    @Inject
    Roll roll;
    @Inject
    Registrations registrations;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;

    public record RollPage(List<RegistrationResponse> registrations,
            @Schema(description = "Pass as `after` for the next page; null on the last page") String next) {
    }

    @JsonPropertyOrder({ "registrationId", "status", "email", "name", "organisation", "registeredAt", "checkedInAt",
            "noShow", "lateCancellation", "cancelledAt" })
    public record RollRow(UUID registrationId, RegistrationStatus status, String email, String name,
            String organisation, Instant registeredAt, Instant checkedInAt, boolean noShow, boolean lateCancellation,
            Instant cancelledAt) {
        static RollRow of(Registration r) {
            return new RollRow(r.id, r.status, r.attendeeEmail, r.attendeeName, r.organisation, r.registeredAt,
                    r.checkedInAt, r.noShow, r.lateCancellation, r.cancelledAt);
        }
    }

    @GET
    @Path("/roll")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "The attendance roll, page by page", description = "Registrations in registration order. "
            + "Filters combine. Follow `next` for the following page; pages stay stable while people register. "
            + "Owner, co-organizers and delegates only (personal data).")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = RollPage.class)))
    @APIResponse(responseCode = "400", description = "A filter, limit or cursor is not valid")
    @APIResponse(responseCode = "403", description = EventResource.NOT_MEMBER)
    @APIResponse(responseCode = "404", description = EventResource.NOT_VISIBLE)
    public RollPage page(@PathParam("eventId") UUID eventId,
            @Parameter(description = "CONFIRMED, WAITLISTED or CANCELLED") @QueryParam("status") String status,
            @QueryParam("checkedIn") Boolean checkedIn,
            @QueryParam("noShow") Boolean noShow,
            @Parameter(description = "Cursor from the previous page's `next`") @QueryParam("after") String after,
            @Parameter(description = "Page size, 1 to 500") @QueryParam("limit") @DefaultValue("50") @Min(1)
            @Max(Roll.MAX_PAGE) int limit) {
        Roll.Page page = roll.page(eventId, new Roll.Filter(status(status), checkedIn, noShow), decode(after), limit);
        return new RollPage(page.registrations().stream()
                .map(r -> RegistrationResponse.of(new Registrations.Placement(r, null))).toList(),
                encode(page.nextAfter()));
    }

    @GET
    @Path("/roll.csv")
    @Produces("text/csv")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "The whole roll as CSV", description = "Streamed in registration order; same filters as "
            + "the roll. Columns: registrationId, status, email, name, organisation, registeredAt, checkedInAt, "
            + "noShow, lateCancellation, cancelledAt. Owner, co-organizers and delegates only (personal data).")
    @APIResponse(responseCode = "200", description = "CSV with a header row",
            content = @Content(mediaType = "text/csv"))
    @APIResponse(responseCode = "403", description = EventResource.NOT_MEMBER)
    @APIResponse(responseCode = "404", description = EventResource.NOT_VISIBLE)
    public Response export(@PathParam("eventId") UUID eventId,
            @Parameter(description = "CONFIRMED, WAITLISTED or CANCELLED") @QueryParam("status") String status,
            @QueryParam("checkedIn") Boolean checkedIn, @QueryParam("noShow") Boolean noShow) {
        Roll.Filter filter = new Roll.Filter(status(status), checkedIn, noShow);
        roll.page(eventId, filter, 0, 1);
        StreamingOutput body = (OutputStream out) -> writeCsv(eventId, filter, out);
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"roll-" + eventId + ".csv\"").build();
    }

    @POST
    @Path("/attendance/close")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Record no-shows", description = "After the event has ended, every confirmed attendee who "
            + "did not check in is recorded as a no-show (headcount-changed announces the count). Repeatable; a "
            + "later check-in clears the no-show. Owner, co-organizers and delegates only.")
    @APIResponse(responseCode = "200", description = "The event with its counts",
            content = @Content(schema = @Schema(implementation = EventResponse.class)))
    @APIResponse(responseCode = "403", description = EventResource.NOT_MEMBER)
    @APIResponse(responseCode = "404", description = EventResource.NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "The event has not ended yet")
    public Response closeAttendance(@PathParam("eventId") UUID eventId, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("close-attendance", eventId),
                () -> Response.ok(EventResponse.of(registrations.closeAttendance(eventId))).build());
    }

    /** Reads the roll in batches, each in its own short transaction, and writes rows as they come. */
    private void writeCsv(UUID eventId, Roll.Filter filter, OutputStream out) throws IOException {
        try (SequenceWriter writer = CSV.writer(CSV_SCHEMA).writeValues(out)) {
            long after = 0;
            while (true) {
                long from = after;
                Roll.Page page = QuarkusTransaction.requiringNew()
                        .call(() -> roll.read(eventId, filter, from, EXPORT_BATCH));
                for (Registration registration : page.registrations()) {
                    writer.write(RollRow.of(registration));
                }
                if (page.nextAfter() == null) {
                    break;
                }
                after = page.nextAfter();
            }
        }
    }

    private static RegistrationStatus status(String status) {
        if (status == null || status.isEmpty()) {
            return null;
        }
        try {
            return RegistrationStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("status", "must be one of CONFIRMED, WAITLISTED, CANCELLED");
        }
    }

    private static long decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("after", "is not a cursor this API gave out");
        }
    }

    private static String encode(Long after) {
        return after == null ? null
                : Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(after)
                        .getBytes(StandardCharsets.US_ASCII));
    }
}
