package app.convene.notification.rest;

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
import app.convene.backbone.problem.Problem;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Roles;
import app.convene.notification.domain.Briefing;
import app.convene.notification.domain.EventDigest;
import app.convene.notification.service.BriefingDispatcher;
import app.convene.notification.service.BriefingFacts;
import app.convene.notification.service.BriefingPlanner;
import app.convene.notification.service.BriefingRenderer;
import app.convene.notification.service.FactsAssembler;
import io.quarkus.security.identity.SecurityIdentity;

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
    FactsAssembler facts;
    @Inject
    BriefingRenderer renderer;
    @Inject
    SecurityIdentity identity;
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
            @Schema(description = "Budget status as last announced; null until budget-service has announced one")
            String budgetStatus, Budget budget,
            @Schema(description = "Venue readiness as last announced; null until venue-service has assessed it")
            Boolean venueReady, String venueReadinessReason, boolean safetyAtRisk,
            @Schema(description = "ISO-8601 durations before the start") List<String> preEventOffsets,
            String postEventOffset, List<BriefingSummary> briefings) {
    }

    public record BriefingResponse(UUID id, UUID eventId, Briefing.Kind kind, Instant dueAt, Briefing.Status status,
            Instant sentAt, boolean onDemand,
            @Schema(description = "The facts as they stand now (for a sent briefing: now, not when it was sent)")
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
    @Operation(summary = "What is known of the event and the briefings planned for it")
    @APIResponse(responseCode = "200", description = "The event's digest and its briefings",
            content = @Content(schema = @Schema(implementation = EventBriefingsResponse.class)))
    @APIResponse(responseCode = "401", description = ProblemAnswers.UNAUTHORIZED, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = ProblemAnswers.FORBIDDEN, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = ProblemAnswers.EVENT_NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EventBriefingsResponse list(@PathParam("eventId") UUID eventId) {
        return toResponse(planner.briefings(eventId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Generate a briefing now and send it to its audiences (an Idempotency-Key makes a retry "
            + "safe: the same briefing is answered, not a second one sent)")
    @APIResponse(responseCode = "201", description = "The briefing, sent",
            content = @Content(schema = @Schema(implementation = BriefingResponse.class)))
    @APIResponse(responseCode = "400", description = ProblemAnswers.BAD_REQUEST, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = ProblemAnswers.UNAUTHORIZED, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = ProblemAnswers.FORBIDDEN, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = ProblemAnswers.EVENT_NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The event has no schedule yet", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response generate(@PathParam("eventId") UUID eventId, @NotNull @Valid GenerateBriefing request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(identity.getPrincipal().getName(), idempotencyKey,
                List.of("POST /api/events/" + eventId + "/briefings", request), () -> {
                    Briefing briefing = dispatcher.generate(eventId, request.kind(), identity.getPrincipal().getName());
                    return Response.created(URI.create("/api/events/" + eventId + "/briefings/" + briefing.id))
                            .entity(json(eventId, briefing.id)).build();
                });
    }

    BriefingResponse json(UUID eventId, UUID briefingId) {
        Briefing briefing = find(eventId, briefingId);
        return new BriefingResponse(briefing.id, eventId, briefing.kind, briefing.dueAt, briefing.status,
                briefing.sentAt, briefing.onDemand, facts.assemble(planner.existing(eventId)));
    }

    BriefingRenderer.Rendered rendered(UUID eventId, UUID briefingId, String lang) {
        Briefing briefing = find(eventId, briefingId);
        return renderer.briefing(briefing.kind, facts.assemble(planner.existing(eventId)), lang, false, null);
    }

    private static Briefing find(UUID eventId, UUID briefingId) {
        Briefing briefing = Briefing.findById(briefingId);
        if (briefing == null || !briefing.eventId.equals(eventId)) {
            throw ProblemException.notFound("briefing", briefingId);
        }
        return briefing;
    }

    static void checkOffset(String field, Duration offset) {
        if (offset.isNegative() || offset.isZero() || offset.compareTo(Duration.ofDays(365)) > 0) {
            throw ProblemException.invalidField(field, "must be more than zero and at most 365 days");
        }
    }

    EventBriefingsResponse toResponse(BriefingPlanner.EventBriefings found) {
        EventDigest d = found.digest();
        return new EventBriefingsResponse(d.eventId, d.title, d.startsAt, d.endsAt, d.timeZone, d.eventStatus,
                d.capacity, new Headcount(d.confirmed, d.waitlisted, d.checkedIn, d.noShows), d.budgetStatus,
                new Budget(d.budgetStatus, d.currency, d.approvedTotal, d.forecastTotal, d.actualTotal),
                d.venueReady, d.venueReadinessReason, d.safetyAtRisk,
                planner.preEventOffsets(d).stream().map(Duration::toString).toList(),
                planner.postEventOffset(d).toString(),
                found.briefings().stream().map(b -> new BriefingSummary(b.id, b.kind, b.dueAt, b.status, b.sentAt,
                        b.onDemand)).toList());
    }
}
