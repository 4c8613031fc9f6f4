package app.convene.registration.rest;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

import app.convene.backbone.problem.Problem;
import app.convene.backbone.security.Roles;
import app.convene.registration.domain.Registration;
import app.convene.registration.domain.RegistrationStatus;
import app.convene.registration.service.RegistrationService;

@Path("/api/events/{eventId}/registrations")
@Tag(name = "Registrations")
@Produces(MediaType.APPLICATION_JSON)
public class RegistrationResource {
    @Inject
    RegistrationService registrations;
    @Inject
    Caller caller;

    public record AttendeeRequest(@NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 200) String name) {
    }

    public record RegisterRequest(@NotNull @Valid AttendeeRequest attendee) {
    }

    public record AttendeeResponse(String email, String name) {
    }

    public record RegistrationResponse(UUID id, UUID eventId, RegistrationStatus status,
            @Schema(description = "Place on the waiting list (1 = next to be promoted); only when WAITLISTED")
            Integer waitlistPosition, AttendeeResponse attendee, Instant registeredAt, Instant promotedAt,
            Instant cancelledAt) {
        static RegistrationResponse of(RegistrationService.Placement placement) {
            Registration r = placement.registration();
            return new RegistrationResponse(r.id, r.eventId, r.status, placement.waitlistPosition(),
                    new AttendeeResponse(r.attendeeEmail, r.attendeeName), r.registeredAt, r.promotedAt,
                    r.cancelledAt);
        }
    }

    private static final String PROBLEM = Problem.MEDIA_TYPE;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ORGANIZER, Roles.ATTENDEE })
    @Operation(summary = "Register an attendee", description = "CONFIRMED while seats remain and nobody waits, "
            + "else WAITLISTED with a position. An attendee token registers only its own e-mail.")
    @APIResponse(responseCode = "201", description = "Registered (confirmed or waitlisted)",
            content = @Content(schema = @Schema(implementation = RegistrationResponse.class)))
    @APIResponse(responseCode = "403", description = "An attendee token tried to register someone else",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such event",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "This attendee already holds a registration for the event",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response register(@PathParam("eventId") UUID eventId, @NotNull @Valid RegisterRequest request) {
        caller.requireActingForSelf(request.attendee().email());
        RegistrationService.Placement placement = registrations.register(eventId,
                new RegistrationService.Attendee(request.attendee().email(), request.attendee().name()));
        return Response.created(URI.create("/api/events/" + eventId + "/registrations/"
                + placement.registration().id)).entity(RegistrationResponse.of(placement)).build();
    }

    @GET
    @Path("/{registrationId}")
    @RolesAllowed({ Roles.ORGANIZER, Roles.ATTENDEE })
    @Operation(summary = "One registration", description = "An attendee token sees only its own.")
    @APIResponse(responseCode = "200", description = "The registration",
            content = @Content(schema = @Schema(implementation = RegistrationResponse.class)))
    @APIResponse(responseCode = "404", description = "No such event or registration",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public RegistrationResponse get(@PathParam("eventId") UUID eventId,
            @PathParam("registrationId") UUID registrationId) {
        RegistrationService.Placement placement = registrations.get(eventId, registrationId);
        caller.requireVisible(placement.registration().attendeeEmail);
        return RegistrationResponse.of(placement);
    }

    @POST
    @Path("/{registrationId}/cancel")
    @RolesAllowed({ Roles.ORGANIZER, Roles.ATTENDEE })
    @Operation(summary = "Cancel a registration", description = "A freed seat goes at once to the first on the "
            + "waiting list (registration.promoted.v1). An attendee token cancels only its own registration.")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(schema = @Schema(implementation = RegistrationResponse.class)))
    @APIResponse(responseCode = "404", description = "No such event or registration",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already cancelled",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public RegistrationResponse cancel(@PathParam("eventId") UUID eventId,
            @PathParam("registrationId") UUID registrationId) {
        caller.requireVisible(registrations.get(eventId, registrationId).registration().attendeeEmail);
        return RegistrationResponse.of(registrations.cancel(eventId, registrationId));
    }
}
