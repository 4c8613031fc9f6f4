package app.convene.notification.feedback.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

import app.convene.backbone.audit.AuditedChanges;
import app.convene.backbone.idempotency.IdempotentRequests;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.notification.api.Descriptions;
import app.convene.notification.feedback.service.FeedbackBox;

@Path("/api/events/{eventId}/feedback")
@Tag(name = "Feedback")
@Produces(MediaType.APPLICATION_JSON)
@AuditedChanges
public class FeedbackResource {
    @Inject
    FeedbackBox box;
    @Inject
    Caller caller;
    @Inject
    IdempotentRequests idempotent;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE, Roles.ATTENDEE })
    @Operation(operationId = "giveFeedback",
            summary = "Give feedback on the event: its staff at any time, its attendees once it has started (an "
            + "Idempotency-Key makes a retry safe)",
            description = "One entry per author and event. Attendees need a confirmed registration for the event; "
                    + "staff must be its owner, a co-organizer or a delegate.")
    @APIResponse(responseCode = "201", description = "Received; summarised in the next briefing",
            content = @Content(schema = @Schema(implementation = FeedbackResponse.class)))
    @APIResponse(responseCode = "400", description = Descriptions.BAD_REQUEST)
    @APIResponse(responseCode = "401", description = Descriptions.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = "Staff who see the event but are not its owner, a "
            + "co-organizer or a delegate (not-event-member); an attendee whose registration is waitlisted or "
            + "cancelled (no-confirmed-registration)")
    @APIResponse(responseCode = "404", description = "No such event in your organisation, or not visible to you "
            + "(for an attendee: one they hold no registration for)")
    @APIResponse(responseCode = "409", description = "The author has already given feedback on this event "
            + "(feedback-already-given), or an attendee's feedback before the event has started (event-not-started)")
    public Response give(@PathParam("eventId") UUID eventId, @NotNull @Valid NewFeedback request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey,
                List.of("POST /api/events/" + eventId + "/feedback", request), () -> {
                    FeedbackResponse received = FeedbackResponse.from(
                            box.receive(eventId, request.rating(), request.comment()));
                    return Response.created(URI.create("/api/events/" + eventId + "/feedback/" + received.id()))
                            .entity(received).build();
                });
    }

    @GET
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(operationId = "listFeedback", summary = "The feedback on the event, oldest first, a page at a time",
            description = "For staff who may see the event. Follow `next` as `after` for the page after.")
    @APIResponse(responseCode = "200", description = "A page of feedback",
            content = @Content(schema = @Schema(implementation = FeedbackPage.class)))
    @APIResponse(responseCode = "400", description = "after is not the id of an entry of this event's feedback, or "
            + "limit is not 1 to 500")
    @APIResponse(responseCode = "401", description = Descriptions.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = Descriptions.FORBIDDEN)
    @APIResponse(responseCode = "404", description = Descriptions.EVENT_NOT_FOUND)
    public FeedbackPage list(@PathParam("eventId") UUID eventId,
            @Parameter(description = "Feedback after this entry (the previous page's `next`)")
            @QueryParam("after") UUID after,
            @Parameter(description = "Page size, 1 to 500") @QueryParam("limit") @DefaultValue("100") @Min(1)
            @Max(FeedbackBox.MAX_PAGE) int limit) {
        FeedbackBox.Page page = box.list(eventId, after, limit);
        return new FeedbackPage(page.feedback().stream().map(FeedbackResponse::from).toList(), page.next());
    }

    @GET
    @Path("/{feedbackId}")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE, Roles.ATTENDEE })
    @Operation(operationId = "getFeedback", summary = "One entry of the event's feedback",
            description = "Where a new entry's Location points. For staff who may see the event, and for the entry's "
                    + "author.")
    @APIResponse(responseCode = "200", description = "The entry",
            content = @Content(schema = @Schema(implementation = FeedbackResponse.class)))
    @APIResponse(responseCode = "401", description = Descriptions.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = Descriptions.FORBIDDEN)
    @APIResponse(responseCode = "404", description = Descriptions.EVENT_NOT_FOUND + "; no such entry, or another "
            + "author's (for an attendee)")
    public FeedbackResponse get(@PathParam("eventId") UUID eventId, @PathParam("feedbackId") UUID feedbackId) {
        return FeedbackResponse.from(box.find(eventId, feedbackId));
    }

    /** A page of feedback; {@code next} is passed as {@code after} for the page after it. */
    public record FeedbackPage(@Schema(required = true) List<FeedbackResponse> feedback,
            @Schema(description = "Pass as 'after' for the next page; null on the last page") UUID next) {
    }
}
