package app.convene.notification.briefing.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.audit.AuditedChanges;
import app.convene.backbone.security.Roles;
import app.convene.notification.api.Descriptions;
import app.convene.notification.briefing.service.BriefingSchedules;

@Path("/api/events/{eventId}/briefing-schedule")
@Tag(name = "Briefings")
@Produces(MediaType.APPLICATION_JSON)
@AuditedChanges
public class BriefingScheduleResource {
    @Inject
    BriefingSchedules schedules;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(operationId = "changeBriefingSchedule",
            summary = "Set this event's own briefing offsets; briefings not yet sent are planned again",
            description = "Only the event's owner, co-organizers and delegates.")
    @APIResponse(responseCode = "200", description = "The event's briefings as now planned",
            content = @Content(schema = @Schema(implementation = EventBriefingsResponse.class)))
    @APIResponse(responseCode = "400", description = Descriptions.BAD_REQUEST)
    @APIResponse(responseCode = "401", description = Descriptions.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = Descriptions.NOT_EVENT_MEMBER)
    @APIResponse(responseCode = "404", description = Descriptions.EVENT_NOT_FOUND)
    public EventBriefingsResponse changeSchedule(@PathParam("eventId") UUID eventId,
            @NotNull @Valid BriefingSchedule schedule) {
        return EventBriefingsResponse.from(
                schedules.changeOffsets(eventId, schedule.preEventOffsets(), schedule.postEventOffset()));
    }
}
