package app.convene.notification.briefing.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.audit.AuditedChanges;
import app.convene.backbone.revalidation.EntityTags;
import app.convene.backbone.revalidation.Revalidated;
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
    @Inject
    ObjectMapper json;

    @GET
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(operationId = "getBriefingSchedule",
            summary = "The offsets this event's briefings are planned by (the defaults until its own are set)",
            description = "Organizers, facility and finance staff who may see the event. changeBriefingSchedule "
                    + "changes them.")
    @APIResponse(responseCode = "200", description = "The schedule; its strong ETag names this state, the defaults "
            + "included (send it as If-Match to change exactly what was read)",
            content = @Content(schema = @Schema(implementation = BriefingScheduleResponse.class)))
    @APIResponse(responseCode = "304", description = Revalidated.NOT_MODIFIED)
    @APIResponse(responseCode = "401", description = Descriptions.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = Descriptions.FORBIDDEN)
    @APIResponse(responseCode = "404", description = Descriptions.EVENT_NOT_FOUND)
    public Response schedule(@PathParam("eventId") UUID eventId,
            @Parameter(description = EntityTags.IF_NONE_MATCH) @HeaderParam(HttpHeaders.IF_NONE_MATCH)
            String ifNoneMatch) {
        BriefingScheduleResponse schedule = BriefingScheduleResponse.from(schedules.schedule(eventId));
        return EntityTags.read(ifNoneMatch, EntityTags.of(json, schedule), () -> schedule);
    }

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
    @APIResponse(responseCode = "412", description = EntityTags.PRECONDITION_FAILED + " (getBriefingSchedule "
            + "gives the tag)")
    public EventBriefingsResponse changeSchedule(@PathParam("eventId") UUID eventId,
            @Parameter(description = EntityTags.IF_MATCH + " The tag is getBriefingSchedule's.")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid BriefingSchedule schedule) {
        // The answer (the event's briefings) carries no ETag: whoever goes on changing the schedule reads it again.
        return EventBriefingsResponse.from(schedules.changeOffsets(eventId, schedule.preEventOffsets(),
                schedule.postEventOffset(), current -> EntityTags.requireCurrent(ifMatch,
                        () -> EntityTags.of(json, BriefingScheduleResponse.from(current)))));
    }
}
