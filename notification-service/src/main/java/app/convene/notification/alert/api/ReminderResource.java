package app.convene.notification.alert.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import app.convene.notification.alert.service.BriefingReminders;
import app.convene.notification.api.Descriptions;

@Path("/api/events/{eventId}/briefings/{briefingId}/reminders")
@Tag(name = "Briefings")
@Produces(MediaType.APPLICATION_JSON)
@AuditedChanges
public class ReminderResource {
    @Inject
    BriefingReminders reminders;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;

    @POST
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(operationId = "remindUnacknowledgedRecipients",
            summary = "Remind everyone who has not acknowledged the briefing, with a fresh personal link",
            description = "Only the event's owner, co-organizers and delegates. With an Idempotency-Key, a retry "
                    + "answers the first count and mails nobody a second time.")
    @APIResponse(responseCode = "200", description = "How many were reminded",
            content = @Content(schema = @Schema(implementation = Reminders.class)))
    @APIResponse(responseCode = "401", description = Descriptions.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = Descriptions.NOT_EVENT_MEMBER)
    @APIResponse(responseCode = "404", description = Descriptions.BRIEFING_NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The briefing has not been sent")
    public Response remind(@PathParam("eventId") UUID eventId, @PathParam("briefingId") UUID briefingId,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("remind", eventId, briefingId),
                () -> Response.ok(new Reminders(briefingId, reminders.remindNow(eventId, briefingId))).build());
    }
}
