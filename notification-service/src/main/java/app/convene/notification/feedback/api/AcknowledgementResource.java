package app.convene.notification.feedback.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

import app.convene.backbone.audit.AuditedChanges;
import app.convene.backbone.idempotency.IdempotentRequests;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.notification.api.Descriptions;
import app.convene.notification.feedback.service.Acknowledgements;

/** Acknowledging a briefing as the signed-in recipient, and who has and has not. */
@Path("/api/events/{eventId}/briefings/{briefingId}/acknowledgements")
@Tag(name = "Briefings")
@Produces(MediaType.APPLICATION_JSON)
@AuditedChanges
public class AcknowledgementResource {
    @Inject
    Acknowledgements acknowledgements;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;

    @POST
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(operationId = "acknowledgeBriefing",
            summary = "Acknowledge a briefing as the signed-in recipient (matched by e-mail address)",
            description = "For staff who may see the event and received the briefing by e-mail.")
    @APIResponse(responseCode = "200", description = "Acknowledged",
            content = @Content(schema = @Schema(implementation = AcknowledgementResponse.class)))
    @APIResponse(responseCode = "401", description = Descriptions.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = "The caller's role may not do this, or the caller did not receive this briefing")
    @APIResponse(responseCode = "404", description = Descriptions.BRIEFING_NOT_FOUND)
    public Response byCaller(@PathParam("eventId") UUID eventId, @PathParam("briefingId") UUID briefingId,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("acknowledge", eventId, briefingId),
                () -> Response.ok(AcknowledgementResponse.from(acknowledgements.byCaller(eventId, briefingId)))
                        .build());
    }

    @GET
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(operationId = "getAcknowledgementReport", summary = "Who has and who has not acknowledged the briefing",
            description = "For staff who may see the event.")
    @APIResponse(responseCode = "200", description = "Acknowledged and pending recipients",
            content = @Content(schema = @Schema(implementation = Report.class)))
    @APIResponse(responseCode = "401", description = Descriptions.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = Descriptions.FORBIDDEN)
    @APIResponse(responseCode = "404", description = Descriptions.BRIEFING_NOT_FOUND)
    public Report report(@PathParam("eventId") UUID eventId, @PathParam("briefingId") UUID briefingId) {
        return Report.from(acknowledgements.report(eventId, briefingId));
    }
}
