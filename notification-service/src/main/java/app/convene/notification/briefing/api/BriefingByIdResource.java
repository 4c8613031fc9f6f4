package app.convene.notification.briefing.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.security.Roles;
import app.convene.notification.delivery.domain.Delivery;
import app.convene.notification.feedback.service.Acknowledgements;
import app.convene.notification.briefing.service.BriefingReader;
import app.convene.notification.api.ProblemAnswers;

@Path("/api/events/{eventId}/briefings/{briefingId}")
@Tag(name = "Briefings")
@Produces(MediaType.APPLICATION_JSON)
public class BriefingByIdResource {
    @Inject
    BriefingResource briefings;

    @Inject
    Acknowledgements acknowledgements;
    @Inject
    BriefingReader reader;
    @Inject
    EntityManager entityManager;

    public record AcknowledgementResponse(UUID briefingId, UUID recipientId, Instant acknowledgedAt,
            @Schema(description = "false when this recipient had already acknowledged") boolean first) {
    }

    public record Reminders(UUID briefingId, int reminded) {
    }

    public record Attempt(int attempt, Instant attemptedAt, boolean succeeded, String detail) {
    }

    public record DeliveryLog(UUID id, String purpose, UUID recipientId, String channel, String address,
            @Schema(description = "PENDING, DELIVERED or FAILED") String status, int attempts,
            Instant nextAttemptAt, String lastError, List<Attempt> log) {
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, MediaType.TEXT_PLAIN })
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(summary = "One briefing: JSON with its facts by default; rendered HTML or plain text when asked for "
            + "with Accept, in the language given by lang",
            description = "For staff who may see the event. Facility read it without the budget: no budget section "
                    + "in HTML or text, facts.budget null in JSON.")
    @APIResponse(responseCode = "200", description = "The briefing", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BriefingResource.BriefingResponse.class)),
            @Content(mediaType = MediaType.TEXT_HTML), @Content(mediaType = MediaType.TEXT_PLAIN) })
    @APIResponse(responseCode = "400", description = ProblemAnswers.BAD_REQUEST)
    @APIResponse(responseCode = "401", description = ProblemAnswers.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = ProblemAnswers.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ProblemAnswers.BRIEFING_NOT_FOUND)
    public Response one(@PathParam("eventId") UUID eventId, @PathParam("briefingId") UUID briefingId,
            @Parameter(description = "en, sv, nl or ro; en by default") @QueryParam("lang") @Pattern(regexp = BriefingResource.LANG, message = "must be one of en, sv, nl, ro") String lang,
            @Context HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return Response.ok(briefings.json(eventId, briefingId), MediaType.APPLICATION_JSON_TYPE).build();
            }
            if (accepted.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                return Response.ok(briefings.rendered(eventId, briefingId, lang).html(), "text/html;charset=UTF-8").build();
            }
            if (accepted.isCompatible(MediaType.TEXT_PLAIN_TYPE)) {
                return Response.ok(briefings.rendered(eventId, briefingId, lang).text(), "text/plain;charset=UTF-8").build();
            }
        }
        return Response.ok(briefings.json(eventId, briefingId), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @POST
    @Path("/acknowledgements")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(summary = "Acknowledge a briefing as the signed-in recipient (matched by e-mail address)",
            description = "For staff who may see the event and received the briefing by e-mail.")
    @APIResponse(responseCode = "200", description = "Acknowledged",
            content = @Content(schema = @Schema(implementation = AcknowledgementResponse.class)))
    @APIResponse(responseCode = "401", description = ProblemAnswers.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = "The caller's role may not do this, or the caller did not receive this briefing")
    @APIResponse(responseCode = "404", description = ProblemAnswers.BRIEFING_NOT_FOUND)
    public AcknowledgementResponse byCaller(@PathParam("eventId") UUID eventId,
            @PathParam("briefingId") UUID briefingId) {
        return toResponse(acknowledgements.byCaller(eventId, briefingId));
    }

    @GET
    @Path("/acknowledgements")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(summary = "Who has and who has not acknowledged the briefing",
            description = "For staff who may see the event.")
    @APIResponse(responseCode = "200", description = "Acknowledged and pending recipients",
            content = @Content(schema = @Schema(implementation = Acknowledgements.Report.class)))
    @APIResponse(responseCode = "401", description = ProblemAnswers.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = ProblemAnswers.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ProblemAnswers.BRIEFING_NOT_FOUND)
    public Acknowledgements.Report report(@PathParam("eventId") UUID eventId,
            @PathParam("briefingId") UUID briefingId) {
        return acknowledgements.report(eventId, briefingId);
    }

    @POST
    @Path("/reminders")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(summary = "Remind everyone who has not acknowledged the briefing, with a fresh personal link",
            description = "Only the event's owner, co-organizers and delegates.")
    @APIResponse(responseCode = "200", description = "How many were reminded",
            content = @Content(schema = @Schema(implementation = Reminders.class)))
    @APIResponse(responseCode = "401", description = ProblemAnswers.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = ProblemAnswers.NOT_EVENT_MEMBER)
    @APIResponse(responseCode = "404", description = ProblemAnswers.BRIEFING_NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The briefing has not been sent")
    public Reminders remind(@PathParam("eventId") UUID eventId, @PathParam("briefingId") UUID briefingId) {
        return new Reminders(briefingId, acknowledgements.remindNow(eventId, briefingId));
    }

    @GET
    @Path("/deliveries")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(summary = "The delivery log of a briefing: each recipient's delivery and every attempt",
            description = "For staff who may see the event.")
    @APIResponse(responseCode = "200", description = "Deliveries with their attempts")
    @APIResponse(responseCode = "401", description = ProblemAnswers.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = ProblemAnswers.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ProblemAnswers.BRIEFING_NOT_FOUND)
    public List<DeliveryLog> deliveries(@PathParam("eventId") UUID eventId,
            @PathParam("briefingId") UUID briefingId) {
        return log(reader.deliveries(eventId, briefingId));
    }

    @SuppressWarnings("unchecked")
    private List<DeliveryLog> log(List<Delivery> deliveries) {
        return deliveries.stream().map(d -> {
            List<Object[]> rows = entityManager.createNativeQuery("""
                    select attempt, attempted_at, succeeded, detail from delivery_attempt
                    where delivery_id = :d order by attempt""").setParameter("d", d.id).getResultList();
            List<Attempt> attempts = rows.stream().map(r -> new Attempt(((Number) r[0]).intValue(),
                    r[1] instanceof Instant i ? i : ((java.time.OffsetDateTime) r[1]).toInstant(), (Boolean) r[2],
                    (String) r[3])).toList();
            return new DeliveryLog(d.id, d.purpose.name(), d.recipientId, d.channel.name(), d.address,
                    d.status.name(), d.attempts, d.nextAttemptAt, d.lastError, attempts);
        }).toList();
    }

    public static AcknowledgementResponse toResponse(Acknowledgements.Acknowledged a) {
        return new AcknowledgementResponse(a.briefingId(), a.recipientId(), a.acknowledgedAt(), a.first());
    }
}
