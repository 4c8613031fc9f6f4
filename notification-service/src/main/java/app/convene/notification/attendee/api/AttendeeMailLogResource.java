package app.convene.notification.attendee.api;

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
import app.convene.notification.delivery.api.DeliveryLog;
import app.convene.notification.delivery.service.DeliveryLogs;

/** The delivery log of an event's attendee mail. */
@Path("/api/events/{eventId}/attendee-mail/deliveries")
@Tag(name = "Attendee mail")
@Produces(MediaType.APPLICATION_JSON)
public class AttendeeMailLogResource {
    @Inject
    DeliveryLogs logs;

    @GET
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(operationId = "listAttendeeMailDeliveries",
            summary = "The delivery log of the event's attendee mail: each mail and every attempt",
            description = "For staff who may see the event. Purpose ATTENDEE, no recipient (the mail is addressed "
                    + "to a registration).")
    @APIResponse(responseCode = "200", description = "Mails with their attempts")
    @APIResponse(responseCode = "401", description = Descriptions.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = Descriptions.FORBIDDEN)
    @APIResponse(responseCode = "404", description = Descriptions.EVENT_NOT_FOUND)
    public List<DeliveryLog> deliveries(@PathParam("eventId") UUID eventId) {
        return logs.ofAttendeeMail(eventId).stream().map(DeliveryLog::from).toList();
    }
}
