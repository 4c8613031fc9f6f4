package app.convene.notification.briefing.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.idempotency.IdempotentRequests;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.notification.briefing.domain.Briefing;
import app.convene.notification.digest.domain.EventDigest;
import app.convene.notification.delivery.service.BriefingDispatcher;
import app.convene.notification.briefing.domain.BriefingFacts;
import app.convene.notification.digest.service.BriefingPlanner;
import app.convene.notification.briefing.service.BriefingReader;
import app.convene.notification.briefing.service.BriefingRenderer;
import app.convene.notification.api.ProblemAnswers;

@Path("/api/events/{eventId}/briefings")
@Tag(name = "Briefings")
@Produces(MediaType.APPLICATION_JSON)
public class BriefingResource {
    static final String LANG = "en|sv|nl|ro";

    @Inject
    BriefingPlanner planner;
    @Inject
    BriefingDispatcher dispatcher;
    @Inject
    BriefingReader reader;
    @Inject
    Caller caller;
    @Inject
    IdempotentRequests idempotent;

    public record Headcount(int confirmed, int waitlisted, int checkedIn, int noShows) {
    }

    public record BriefingSummary(UUID id, Briefing.Kind kind, Instant dueAt,
            @Schema(description = "SCHEDULED, SENT or CANCELLED (the event was cancelled)") Briefing.Status status,
            Instant sentAt, boolean onDemand) {
    }

    public record Budget(String status, String currency, BigDecimal approvedTotal, BigDecimal forecastTotal,
            BigDecimal actualTotal) {
    }

    public record EventBriefingsResponse(UUID eventId, String title, Instant startsAt, Instant endsAt,
            String timeZone,
            @Schema(description = "DRAFT, PUBLISHED or CANCELLED as registration announced it") String eventStatus,
            Integer capacity, Headcount headcount,
            @Schema(description = "Budget status as last announced; null until budget-service has announced one, "
                    + "and for facility (who read briefings without the budget)")
            String budgetStatus,
            @Schema(description = "The budget's figures; null for facility") Budget budget,
            @Schema(description = "Venue readiness as last announced; null until venue-service has assessed it")
            Boolean venueReady, String venueReadinessReason, boolean safetyAtRisk,
            @Schema(description = "ISO-8601 durations before the start") List<String> preEventOffsets,
            String postEventOffset, List<BriefingSummary> briefings) {
    }

    public record BriefingResponse(UUID id, UUID eventId, Briefing.Kind kind, Instant dueAt, Briefing.Status status,
            Instant sentAt, boolean onDemand,
            @Schema(description = "The facts as they stand now (for a sent briefing: now, not when it was sent); "
                    + "facts.budget is null for facility")
            BriefingFacts facts) {
    }

    public record GenerateBriefing(@NotNull Briefing.Kind kind) {
    }

    public record BriefingSchedule(
            @Schema(description = "How long before the start each pre-event briefing goes out, e.g. P3D")
            @NotNull @Size(max = 10) List<@NotNull Duration> preEventOffsets,
            @Schema(description = "How long after the end the post-event briefing goes out, e.g. P1D")
            @NotNull Duration postEventOffset) {
    }

    @GET
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(summary = "What is known of the event and the briefings planned for it",
            description = "For staff of the event's organisation who may see the event (only its owner, "
                    + "co-organizers and delegates when it is confidential). Facility get it without the budget.")
    @APIResponse(responseCode = "200", description = "The event's digest and its briefings",
            content = @Content(schema = @Schema(implementation = EventBriefingsResponse.class)))
    @APIResponse(responseCode = "401", description = ProblemAnswers.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = ProblemAnswers.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ProblemAnswers.EVENT_NOT_FOUND)
    public EventBriefingsResponse list(@PathParam("eventId") UUID eventId) {
        BriefingReader.EventBriefings found = reader.briefings(eventId);
        return toResponse(found.digest(), found.briefings(), found.budgetVisible());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(summary = "Generate a briefing now and send it to its audiences (an Idempotency-Key makes a retry "
            + "safe: the same briefing is answered, not a second one sent)",
            description = "Only the event's owner, co-organizers and delegates.")
    @APIResponse(responseCode = "201", description = "The briefing, sent",
            content = @Content(schema = @Schema(implementation = BriefingResponse.class)))
    @APIResponse(responseCode = "400", description = ProblemAnswers.BAD_REQUEST)
    @APIResponse(responseCode = "401", description = ProblemAnswers.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = ProblemAnswers.NOT_EVENT_MEMBER)
    @APIResponse(responseCode = "404", description = ProblemAnswers.EVENT_NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The event has no schedule yet")
    public Response generate(@PathParam("eventId") UUID eventId, @NotNull @Valid GenerateBriefing request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey,
                List.of("POST /api/events/" + eventId + "/briefings", request), () -> {
                    Briefing briefing = dispatcher.generate(eventId, request.kind());
                    return Response.created(URI.create("/api/events/" + eventId + "/briefings/" + briefing.id))
                            .entity(json(eventId, briefing.id)).build();
                });
    }

    BriefingResponse json(UUID eventId, UUID briefingId) {
        BriefingReader.Shown shown = reader.briefing(eventId, briefingId);
        Briefing briefing = shown.briefing();
        return new BriefingResponse(briefing.id, eventId, briefing.kind, briefing.dueAt, briefing.status,
                briefing.sentAt, briefing.onDemand, shown.facts());
    }

    BriefingRenderer.Rendered rendered(UUID eventId, UUID briefingId, String lang) {
        return reader.rendered(eventId, briefingId, lang);
    }

    static void checkOffset(String field, Duration offset) {
        if (offset.isNegative() || offset.isZero() || offset.compareTo(Duration.ofDays(365)) > 0) {
            throw ProblemException.invalidField(field, "must be more than zero and at most 365 days");
        }
    }

    EventBriefingsResponse toResponse(EventDigest d, List<Briefing> briefings, boolean budgetVisible) {
        return new EventBriefingsResponse(d.eventId, d.title, d.startsAt, d.endsAt, d.timeZone, d.eventStatus,
                d.capacity, new Headcount(d.confirmed, d.waitlisted, d.checkedIn, d.noShows),
                budgetVisible ? d.budgetStatus : null, budgetVisible
                        ? new Budget(d.budgetStatus, d.currency, d.approvedTotal, d.forecastTotal, d.actualTotal)
                        : null,
                d.venueReady, d.venueReadinessReason, d.safetyAtRisk,
                planner.preEventOffsets(d).stream().map(Duration::toString).toList(),
                planner.postEventOffset(d).toString(),
                briefings.stream().map(b -> new BriefingSummary(b.id, b.kind, b.dueAt, b.status, b.sentAt,
                        b.onDemand)).toList());
    }
}
