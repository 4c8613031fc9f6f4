package app.convene.budget.rest;

import java.time.Instant;
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
import app.convene.budget.domain.EventBudget;
import app.convene.budget.service.BudgetService;

@Path("/api/events/{eventId}/budget")
@Tag(name = "Budgets")
@Produces(MediaType.APPLICATION_JSON)
public class BudgetResource {
    @Inject
    BudgetService budgets;

    public record Headcount(int capacity, int confirmed, int waitlisted, int checkedIn, int noShows,
            @Schema(description = "Sequence of the newest headcount announcement applied") long asOfSequence) {
    }

    public record BudgetResponse(UUID eventId, String title, Instant startsAt, Instant endsAt, String timeZone,
            String status, Headcount headcount, Instant updatedAt) {
        static BudgetResponse of(EventBudget b) {
            return new BudgetResponse(b.eventId, b.title, b.startsAt, b.endsAt, b.timeZone, b.status,
                    new Headcount(b.capacity, b.confirmed, b.waitlisted, b.checkedIn, b.noShows,
                            Math.max(0, b.headcountSequence)),
                    b.updatedAt);
        }
    }

    @GET
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE })
    @Operation(summary = "The event's budget with its live headcount")
    @APIResponse(responseCode = "200", description = "The budget",
            content = @Content(schema = @Schema(implementation = BudgetResponse.class)))
    @APIResponse(responseCode = "404", description = "No budget for this event (not scheduled, or not yet seen)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BudgetResponse get(@PathParam("eventId") UUID eventId) {
        return BudgetResponse.of(budgets.get(eventId));
    }
}
