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

import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Roles;
import app.convene.notification.digest.service.BriefingPlanner;
import app.convene.notification.api.ProblemAnswers;

@Path("/api/events/{eventId}/briefing-schedule")
@Tag(name = "Briefings")
@Produces(MediaType.APPLICATION_JSON)
public class BriefingScheduleResource {
    @Inject
    BriefingPlanner planner;
    @Inject
    BriefingResource briefings;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(summary = "Set this event's own briefing offsets; briefings not yet sent are planned again",
            description = "Only the event's owner, co-organizers and delegates.")
    @APIResponse(responseCode = "200", description = "The event's briefings as now planned",
            content = @Content(schema = @Schema(implementation = BriefingResource.EventBriefingsResponse.class)))
    @APIResponse(responseCode = "400", description = ProblemAnswers.BAD_REQUEST)
    @APIResponse(responseCode = "401", description = ProblemAnswers.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = ProblemAnswers.NOT_EVENT_MEMBER)
    @APIResponse(responseCode = "404", description = ProblemAnswers.EVENT_NOT_FOUND)
    public BriefingResource.EventBriefingsResponse changeSchedule(@PathParam("eventId") UUID eventId,
            @NotNull @Valid BriefingResource.BriefingSchedule schedule) {
        for (int i = 0; i < schedule.preEventOffsets().size(); i++) {
            BriefingResource.checkOffset("preEventOffsets[" + i + "]", schedule.preEventOffsets().get(i));
        }
        BriefingResource.checkOffset("postEventOffset", schedule.postEventOffset());
        if (schedule.preEventOffsets().stream().distinct().count() != schedule.preEventOffsets().size()) {
            throw ProblemException.invalidField("preEventOffsets", "must not repeat an offset");
        }
        BriefingPlanner.EventBriefings changed = planner.changeOffsets(eventId, schedule.preEventOffsets(),
                schedule.postEventOffset());
        // Only members change the schedule, and members see the budget.
        return briefings.toResponse(changed.digest(), changed.briefings(), true);
    }

}
