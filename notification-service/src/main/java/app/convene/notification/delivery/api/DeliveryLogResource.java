package app.convene.notification.delivery.api;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.security.Roles;
import app.convene.notification.api.Descriptions;
import app.convene.notification.delivery.service.DeliveryLogs;

@Path("/api/events/{eventId}/briefings/{briefingId}/deliveries")
@Tag(name = "Briefings")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryLogResource {
    @Inject
    DeliveryLogs logs;

    @GET
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(operationId = "listBriefingDeliveries",
            summary = "The delivery log of a briefing: each recipient's delivery and every attempt",
            description = "For staff who may see the event.")
    @APIResponse(responseCode = "200", description = "Deliveries with their attempts")
    @APIResponse(responseCode = "401", description = Descriptions.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = Descriptions.FORBIDDEN)
    @APIResponse(responseCode = "404", description = Descriptions.BRIEFING_NOT_FOUND)
    public List<DeliveryLog> deliveries(@PathParam("eventId") UUID eventId,
            @PathParam("briefingId") UUID briefingId) {
        return logs.ofBriefing(eventId, briefingId).stream().map(DeliveryLog::from).toList();
    }
}
