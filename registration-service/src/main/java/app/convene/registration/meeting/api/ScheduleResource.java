package app.convene.registration.meeting.api;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.revalidation.Revalidated;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.registration.meeting.service.CorporateSchedule;

@Path("/api/schedule")
@Tag(name = "Corporate schedule", description = "The organisation's events and meetings in a time range, with the "
        + "people booked into two meetings at once")
public class ScheduleResource {
    private static final String CALENDAR = "text/calendar";

    @Inject
    CorporateSchedule schedule;
    @Inject
    Caller caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE, Roles.FACILITY })
    @Operation(operationId = "getSchedule", summary = "The schedule across events and meetings",
            description = "Every event of your organisation you may see that overlaps from..to (at most 366 days; "
                    + "2000 events), by start, cancelled ones included; filtered by owner, room, department or a person "
                    + "confirmed for them. `clashes` lists each person confirmed for two events (neither cancelled) whose times "
                    + "overlap, and each entry names its `clashingPeople`.")
    @APIResponse(responseCode = "200", description = "The schedule",
            content = @Content(schema = @Schema(implementation = ScheduleResponse.class)))
    @APIResponse(responseCode = "400", description = "from or to missing or not an instant, to not after from, or "
            + "more than 366 days apart")
    public ScheduleResponse get(
            @Parameter(description = "Start of the range (an instant)") @QueryParam("from") Instant from,
            @Parameter(description = "End of the range (an instant)") @QueryParam("to") Instant to,
            @Parameter(description = "`me`, or an e-mail address: events owned by") @QueryParam("owner") @Size(max = 254)
            String owner,
            @Parameter(description = "Events in this room") @QueryParam("roomId") @Size(max = 100) String roomId,
            @Parameter(description = "Events of this department (case-insensitive)", example = "Finance")
            @QueryParam("department") @Size(max = 100) String department,
            @Parameter(description = "Events this person is confirmed for") @QueryParam("person") @Size(max = 254)
            String person) {
        return ScheduleResponse.from(schedule.schedule(filter(from, to, owner, roomId, department, person)));
    }

    @GET
    @Path("/calendar.ics")
    @Produces(CALENDAR)
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE, Roles.FACILITY })
    @Revalidated
    @Operation(operationId = "getScheduleCalendar", summary = "The schedule as an iCalendar feed",
            description = "The same events and filters as the JSON schedule; an entry with a clash says who clashes "
                    + "in its DESCRIPTION and X-CONVENE-CLASH.")
    @APIResponse(responseCode = "200", description = "The feed", content = @Content(mediaType = CALENDAR))
    @APIResponse(responseCode = "400", description = "from or to missing or not valid, or more than 366 days apart")
    @APIResponse(responseCode = "304", description = Revalidated.NOT_MODIFIED)
    public Response calendar(@QueryParam("from") Instant from, @QueryParam("to") Instant to,
            @QueryParam("owner") @Size(max = 254) String owner, @QueryParam("roomId") @Size(max = 100) String roomId,
            @QueryParam("department") @Size(max = 100) String department,
            @QueryParam("person") @Size(max = 254) String person) {
        return Response.ok(schedule.calendar(filter(from, to, owner, roomId, department, person)),
                CALENDAR + "; charset=UTF-8")
                .build();
    }

    private CorporateSchedule.Filter filter(Instant from, Instant to, String owner, String roomId, String department,
            String person) {
        return new CorporateSchedule.Filter(from, to,
                "me".equals(owner) ? caller.subject() : owner, roomId, department, person);
    }
}
