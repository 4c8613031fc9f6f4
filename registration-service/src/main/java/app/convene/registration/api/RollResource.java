package app.convene.registration.api;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import app.convene.backbone.audit.AuditedChanges;
import app.convene.backbone.idempotency.IdempotentRequests;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.registration.domain.Registration;
import app.convene.registration.domain.RegistrationStatus;
import app.convene.registration.domain.RollFilter;
import app.convene.registration.service.Registrations;
import app.convene.registration.service.Roll;

import static app.convene.registration.api.Descriptions.NOT_MEMBER;
import static app.convene.registration.api.Descriptions.NOT_VISIBLE;

@Path("/api/events/{eventId}")
@Tag(name = "Attendance roll")
@AuditedChanges
public class RollResource {
    private static final String STATUS = "CONFIRMED, WAITLISTED or CANCELLED";
    private static final String TEXT = "Only those whose name, e-mail address or organisation contains this, ignoring "
            + "case, or whose ticket code it is: a person looked up at the door (1 to 200 characters)";
    private static final String SESSION = "Only those holding a seat in this session of the event, or waiting for one "
            + "(a workshop's attendance list)";
    private static final CsvMapper CSV = (CsvMapper) new CsvMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final CsvSchema CSV_SCHEMA = CSV.schemaFor(RollRow.class).withHeader();

    @Inject
    Roll roll;
    @Inject
    Registrations registrations;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;

    @GET
    @Path("/roll")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "listRoll",
            summary = "The attendance roll, page by page", description = "Registrations in registration order. "
            + "Filters combine. Follow `next` for the following page; pages stay stable while people register. "
            + "Owner, co-organizers and delegates only (personal data).")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = RollPage.class)))
    @APIResponse(responseCode = "400", description = "A filter, limit or cursor is not valid (sessionId: not a "
            + "session of this event; q: blank or longer than 200 characters)")
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    public RollPage page(@PathParam("eventId") UUID eventId,
            @Parameter(description = STATUS) @QueryParam("status") RegistrationStatus status,
            @QueryParam("checkedIn") Boolean checkedIn,
            @QueryParam("noShow") Boolean noShow,
            @Parameter(description = SESSION) @QueryParam("sessionId") UUID sessionId,
            @Parameter(description = TEXT) @QueryParam("q") @Size(min = 1, max = 200)
            @Pattern(regexp = ".*\\S.*", message = "must not be blank") String q,
            @Parameter(description = Descriptions.AFTER) @QueryParam("after") String after,
            @Parameter(description = "Page size, 1 to 500") @QueryParam("limit") @DefaultValue("50") @Min(1)
            @Max(Roll.MAX_PAGE) int limit) {
        RollFilter filter = new RollFilter(status, checkedIn, noShow, sessionId, q == null ? null : q.strip());
        Long position = Cursors.decodePosition(after);
        return RollPage.from(roll.page(eventId, filter, position == null ? 0 : position, limit));
    }

    @GET
    @Path("/roll.csv")
    @Produces("text/csv")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "exportRoll",
            summary = "The whole roll as CSV", description = "Streamed in registration order; same filters as "
            + "the roll. Columns: registrationId, status, email, name, organisation, registeredAt, checkedInAt, "
            + "noShow, lateCancellation, cancelledAt, ticketCode (for badges printed with the ticket's QR code). Owner, "
            + "co-organizers and delegates only (personal data).")
    @APIResponse(responseCode = "200", description = "CSV with a header row",
            content = @Content(mediaType = "text/csv"))
    @APIResponse(responseCode = "400", description = "A filter is not valid (sessionId: not a session of this event; "
            + "q: blank or longer than 200 characters)")
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    public Response export(@PathParam("eventId") UUID eventId,
            @Parameter(description = STATUS) @QueryParam("status") RegistrationStatus status,
            @QueryParam("checkedIn") Boolean checkedIn, @QueryParam("noShow") Boolean noShow,
            @Parameter(description = SESSION) @QueryParam("sessionId") UUID sessionId,
            @Parameter(description = TEXT) @QueryParam("q") @Size(min = 1, max = 200)
            @Pattern(regexp = ".*\\S.*", message = "must not be blank") String q) {
        Iterable<Registration> rows = roll.export(eventId, new RollFilter(status, checkedIn, noShow, sessionId,
                q == null ? null : q.strip()));
        StreamingOutput body = (OutputStream out) -> writeCsv(rows, out);
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"roll-" + eventId + ".csv\"").build();
    }

    @POST
    @Path("/attendance/close")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "closeAttendance",
            summary = "Record no-shows", description = "After the event has ended, every confirmed attendee who "
            + "did not check in is recorded as a no-show (headcount-changed announces the count). Repeatable; a "
            + "later check-in clears the no-show. Owner, co-organizers and delegates only.")
    @APIResponse(responseCode = "200", description = "The event with its counts",
            content = @Content(schema = @Schema(implementation = EventResponse.class)))
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "The event has not ended yet")
    public Response closeAttendance(@PathParam("eventId") UUID eventId,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("close-attendance", eventId),
                () -> Response.ok(EventResponse.from(registrations.closeAttendance(eventId))).build());
    }

    private static void writeCsv(Iterable<Registration> rows, OutputStream out) throws IOException {
        try (SequenceWriter writer = CSV.writer(CSV_SCHEMA).writeValues(out)) {
            for (Registration registration : rows) {
                writer.write(RollRow.from(registration));
            }
        }
    }
}
