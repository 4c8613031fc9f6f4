package app.convene.notification.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.problem.Problem;
import app.convene.backbone.security.Roles;
import app.convene.notification.domain.Briefing;
import app.convene.notification.domain.EventDigest;
import app.convene.notification.service.BriefingPlanner;

@Path("/api/events/{eventId}/briefings")
@Tag(name = "Briefings")
@Produces(MediaType.APPLICATION_JSON)
public class BriefingResource {
    @Inject
    BriefingPlanner planner;

    public record Headcount(int confirmed, int waitlisted, int checkedIn, int noShows) {
    }

    public record BriefingSummary(UUID id, Briefing.Kind kind, Instant dueAt, Briefing.Status status) {
    }

    public record EventBriefingsResponse(UUID eventId, String title, Instant startsAt, Instant endsAt,
            String timeZone, Headcount headcount,
            @Schema(description = "Budget status as last announced; null until budget-service has announced one")
            String budgetStatus,
            @Schema(description = "Venue readiness as last announced; null until venue-service has assessed it")
            Boolean venueReady, String venueReadinessReason, List<BriefingSummary> briefings) {
    }

    @GET
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(summary = "What is known of the event and the briefings planned for it")
    @APIResponse(responseCode = "200", description = "The event's digest and its briefings",
            content = @Content(schema = @Schema(implementation = EventBriefingsResponse.class)))
    @APIResponse(responseCode = "404", description = "Nothing has been announced about this event",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EventBriefingsResponse get(@PathParam("eventId") UUID eventId) {
        BriefingPlanner.EventBriefings found = planner.briefings(eventId);
        EventDigest d = found.digest();
        return new EventBriefingsResponse(d.eventId, d.title, d.startsAt, d.endsAt, d.timeZone,
                new Headcount(d.confirmed, d.waitlisted, d.checkedIn, d.noShows), d.budgetStatus, d.venueReady,
                d.venueReadinessReason,
                found.briefings().stream().map(b -> new BriefingSummary(b.id, b.kind, b.dueAt, b.status)).toList());
    }
}
