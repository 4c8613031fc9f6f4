package app.convene.registration.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.audit.AuditedChanges;
import app.convene.backbone.event.EventAccess;
import app.convene.backbone.security.Roles;
import app.convene.registration.service.EventOwnership;

import static app.convene.registration.api.Descriptions.NOT_VISIBLE;

/** Who has a place on an event: its owner, co-organizers and delegates. */
@Path("/api/events/{eventId}")
@Tag(name = "Event access")
@Produces(MediaType.APPLICATION_JSON)
@AuditedChanges
public class AccessResource {
    @Inject
    EventOwnership ownership;

    @GET
    @Path("/access")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE, Roles.FACILITY })
    @Operation(operationId = "getEventAccess",
            summary = "Who owns the event and who else may change it", description = "The organisation, owner, "
            + "co-organizers and delegates (each with the one it acts for). For the event's members and the "
            + "organisation's staff who may see the event.")
    @APIResponse(responseCode = "200", description = "The event's access",
            content = @Content(schema = @Schema(implementation = EventAccess.class)))
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    public EventAccess access(@PathParam("eventId") UUID eventId) {
        return ownership.access(eventId);
    }

    @PUT
    @Path("/co-organizers/{subject}")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "addCoOrganizer",
            summary = "Add a co-organizer", description = "The owner only. A co-organizer may change the event "
            + "as its owner may and name delegates of its own. Idempotent: adding someone already there changes "
            + "nothing. Announces registration.event-updated.v1 with the new access.")
    @APIResponse(responseCode = "200", description = "The event's access",
            content = @Content(schema = @Schema(implementation = EventAccess.class)))
    @APIResponse(responseCode = "400", description = "The subject is not an e-mail address")
    @APIResponse(responseCode = "403", description = "Only the event's owner adds co-organizers")
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "The subject is the owner")
    public EventAccess addCoOrganizer(@PathParam("eventId") UUID eventId,
            @Parameter(description = Descriptions.SUBJECT) @PathParam("subject") @NotBlank @Email @Size(max = 254) String subject) {
        return ownership.addCoOrganizer(eventId, subject);
    }

    @DELETE
    @Path("/co-organizers/{subject}")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "removeCoOrganizer",
            summary = "Remove a co-organizer", description = "The owner only; the delegates who acted on the "
            + "co-organizer's behalf go too. Idempotent: removing someone not there changes nothing. Announces "
            + "registration.event-updated.v1 with the new access.")
    @APIResponse(responseCode = "200", description = "The event's access",
            content = @Content(schema = @Schema(implementation = EventAccess.class)))
    @APIResponse(responseCode = "400", description = "The subject is not an e-mail address")
    @APIResponse(responseCode = "403", description = "Only the event's owner removes co-organizers")
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "The subject is the owner, who cannot be removed")
    public EventAccess removeCoOrganizer(@PathParam("eventId") UUID eventId,
            @Parameter(description = Descriptions.SUBJECT) @PathParam("subject") @NotBlank @Email @Size(max = 254) String subject) {
        return ownership.removeCoOrganizer(eventId, subject);
    }

    @PUT
    @Path("/owner/{subject}")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "transferEventOwnership",
            summary = "Hand the event to another owner", description = "The owner only. The subject becomes the "
            + "owner (and leaves the co-organizers and delegates if there); the former owner stays on as a "
            + "co-organizer unless `keepFormerOwner=false`, which also ends the delegations made on the former "
            + "owner's behalf. Handing it to its owner changes nothing. Announces registration.event-updated.v1 with "
            + "the new access. Someone who has left: `POST /api/ownership-transfers`.")
    @APIResponse(responseCode = "200", description = "The event's access",
            content = @Content(schema = @Schema(implementation = EventAccess.class)))
    @APIResponse(responseCode = "400", description = "The subject is not an e-mail address")
    @APIResponse(responseCode = "403", description = "Only the event's owner hands it over")
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    public EventAccess transferOwnership(@PathParam("eventId") UUID eventId,
            @Parameter(description = "The new owner's e-mail address") @PathParam("subject") @NotBlank @Email
            @Size(max = 254) String subject,
            @Parameter(description = "The former owner stays on as a co-organizer (default true)")
            @QueryParam("keepFormerOwner") @jakarta.ws.rs.DefaultValue("true") boolean keepFormerOwner) {
        return ownership.transferOwnership(eventId, subject, keepFormerOwner);
    }

    @PUT
    @Path("/delegates/{subject}")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "addDelegate",
            summary = "Name a delegate who acts on your behalf", description = "The owner or a co-organizer names "
            + "an assistant who then sees and does on this event what the caller may; the audit trail records both "
            + "the assistant (actor) and the caller (onBehalfOf). Idempotent. Announces registration.event-updated.v1 "
            + "with the new access.")
    @APIResponse(responseCode = "200", description = "The event's access",
            content = @Content(schema = @Schema(implementation = EventAccess.class)))
    @APIResponse(responseCode = "400", description = "The subject is not an e-mail address")
    @APIResponse(responseCode = "403", description = "Only the event's owner and co-organizers name delegates")
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "The subject already organizes the event, or already acts on "
            + "someone else's behalf")
    public EventAccess addDelegate(@PathParam("eventId") UUID eventId,
            @Parameter(description = Descriptions.SUBJECT) @PathParam("subject") @NotBlank @Email @Size(max = 254) String subject) {
        return ownership.addDelegate(eventId, subject);
    }

    @DELETE
    @Path("/delegates/{subject}")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "removeDelegate",
            summary = "End a delegation", description = "The owner, or the one the delegate acts for. "
            + "Idempotent: removing someone not there changes nothing. Announces registration.event-updated.v1 with "
            + "the new access.")
    @APIResponse(responseCode = "200", description = "The event's access",
            content = @Content(schema = @Schema(implementation = EventAccess.class)))
    @APIResponse(responseCode = "400", description = "The subject is not an e-mail address")
    @APIResponse(responseCode = "403", description = "Only the owner and the one the delegate acts for end it")
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    public EventAccess removeDelegate(@PathParam("eventId") UUID eventId,
            @Parameter(description = Descriptions.SUBJECT) @PathParam("subject") @NotBlank @Email @Size(max = 254) String subject) {
        return ownership.removeDelegate(eventId, subject);
    }
}
