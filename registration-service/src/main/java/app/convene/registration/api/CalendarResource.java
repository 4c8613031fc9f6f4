package app.convene.registration.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.revalidation.Revalidated;
import app.convene.backbone.security.Roles;
import app.convene.registration.service.Invitations;

import static app.convene.registration.api.Descriptions.NOT_MEMBER;
import static app.convene.registration.api.Descriptions.NOT_VISIBLE;

@Path("/api/events/{eventId}")
@Tag(name = "Calendar")
public class CalendarResource {
    private static final String CALENDAR = "text/calendar";

    @Inject
    Invitations invitations;

    @GET
    @Path("/registrations/{registrationId}/invite.ics")
    @Produces(CALENDAR)
    @RolesAllowed({ Roles.ORGANIZER, Roles.ATTENDEE })
    @Revalidated
    @Operation(operationId = "getCalendarInvitation",
            summary = "Calendar invitation for one registration", description = "iCalendar METHOD:REQUEST "
            + "(CONFIRMED, or TENTATIVE while waitlisted), or METHOD:CANCEL once cancelled. An attendee token gets "
            + "only its own; organizers those of events they own, co-organize or are a delegate of.")
    @APIResponse(responseCode = "200", description = "The invitation", content = @Content(mediaType = CALENDAR))
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE + "; no such registration (or not yours)")
    @APIResponse(responseCode = "304", description = Revalidated.NOT_MODIFIED)
    public Response invitation(@PathParam("eventId") UUID eventId, @PathParam("registrationId") UUID registrationId) {
        return Response.ok(invitations.invitation(eventId, registrationId), CALENDAR + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"invite.ics\"").build();
    }

    @GET
    @Path("/calendar.ics")
    @Produces(CALENDAR)
    @RolesAllowed({ Roles.ORGANIZER, Roles.ATTENDEE, Roles.FACILITY, Roles.FINANCE })
    @Revalidated
    @Operation(operationId = "getCalendarFeed",
            summary = "Calendar feed of the event and its sessions", description = "iCalendar METHOD:PUBLISH. "
            + "For whoever may read the event.")
    @APIResponse(responseCode = "200", description = "The feed", content = @Content(mediaType = CALENDAR))
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    @APIResponse(responseCode = "304", description = Revalidated.NOT_MODIFIED)
    public Response feed(@PathParam("eventId") UUID eventId) {
        return Response.ok(invitations.feed(eventId), CALENDAR + "; charset=UTF-8").build();
    }
}
