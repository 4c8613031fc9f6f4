package app.convene.registration.api;

import static app.convene.registration.api.Descriptions.NOT_MEMBER;
import static app.convene.registration.api.Descriptions.NOT_VISIBLE;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import app.convene.registration.service.Registrations;

/** The door: a scanned ticket checks its holder in. */
@Path("/api/events/{eventId}/check-ins")
@Tag(name = "Registrations")
@Produces(MediaType.APPLICATION_JSON)
@AuditedChanges
public class CheckInResource {
    @Inject
    Registrations registrations;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "checkInTicket",
            summary = "Check in the attendee whose ticket was scanned at the door",
            description = "Owner, co-organizers and delegates only. The ticket code is the registration's "
                    + "`ticketCode` (shown to the attendee on their registration, to be shown as a QR code). Checked "
                    + "in as `POST …/registrations/{registrationId}/check-in` does, and announced the same way "
                    + "(registration.attendee-checked-in.v2). A refusal names the attendee, so the door can tell "
                    + "them why. Safe to retry with the same Idempotency-Key.")
    @APIResponse(responseCode = "200", description = "Checked in: the registration, with the attendee's name",
            content = @Content(schema = @Schema(implementation = RegistrationResponse.class)))
    @APIResponse(responseCode = "400", description = "ticketCode missing or not 32 hexadecimal digits")
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE + "; or ticket-not-found: no registration of this "
            + "event holds that ticket (another event's, or one replaced when the place was transferred or moved to "
            + "another address)")
    @APIResponse(responseCode = "409", description = "already-checked-in (when, and who), or not-confirmed: the "
            + "holder is on the waiting list or cancelled")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with a different request")
    public Response scan(@PathParam("eventId") UUID eventId, @NotNull @Valid TicketScan scan,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        String code = scan.ticketCode().toUpperCase(Locale.ROOT);
        return idempotent.execute(caller.name(), idempotencyKey, List.of("check-in-ticket", eventId, code),
                () -> Response.ok(RegistrationResponse.from(registrations.checkInByTicket(eventId, code))).build());
    }
}
