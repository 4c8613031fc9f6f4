package app.convene.registration.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.audit.AuditedChanges;
import app.convene.backbone.idempotency.IdempotentRequests;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.registration.service.AttendeeChanges;
import app.convene.registration.service.Registrations;
import app.convene.registration.service.Sessions;

import static app.convene.registration.api.Descriptions.NOT_MEMBER;
import static app.convene.registration.api.Descriptions.NOT_VISIBLE;

@Path("/api/events/{eventId}/registrations")
@Tag(name = "Registrations")
@Produces(MediaType.APPLICATION_JSON)
@AuditedChanges
public class RegistrationResource {
    @Inject
    Registrations registrations;
    @Inject
    Sessions sessions;
    @Inject
    AttendeeChanges attendees;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ORGANIZER, Roles.ATTENDEE })
    @Operation(operationId = "registerAttendee",
            summary = "Register an attendee", description = "CONFIRMED while seats remain and nobody waits, "
            + "else WAITLISTED with a position. An attendee token registers only its own e-mail, within the "
            + "registration window, for an event it may see; the event's owner, co-organizers and delegates may "
            + "register anyone at any time before the event is cancelled. Conflict warnings and the id of an existing "
            + "registration are shown to organizers only. Safe to retry with the same Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Registered (confirmed or waitlisted)",
            content = @Content(schema = @Schema(implementation = RegistrationResponse.class)))
    @APIResponse(responseCode = "403", description = "An attendee token tried to register someone else, or an "
            + "organizer who is not the event's owner, co-organizer or delegate registered someone")
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "Already registered (organizers are told which registration), "
            + "event not published or cancelled, registration not open yet or closed, a chosen session is full, or the same "
            + "Idempotency-Key is running")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with a different request")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "attendee", summary = "An attendee registers herself",
                    value = """
                    {
                      "attendee": {"email": "ada.lindqvist@example.org", "name": "Ada Lindqvist",
                        "organisation": "Example AB", "language": "sv", "answers": {"dietary": "vegetarian"}}
                    }
                    """),
            @ExampleObject(name = "withSessions", summary = "An organizer registers someone for two sessions",
                    value = """
                    {
                      "attendee": {"email": "jan.devries@example.org", "name": "Jan de Vries"},
                      "sessionIds": ["0b9f2c1e-6a7d-4f3b-9c1a-2d4e5f6a7b8c", "5e1d9a2b-3c4f-4e6a-8b7c-9d0e1f2a3b4c"]
                    }
                    """) }))
    public Response register(@PathParam("eventId") UUID eventId, @NotNull @Valid RegisterRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("register", eventId, request), () -> {
            RegistrationResponse registration = RegistrationResponse.from(registrations.register(eventId,
                    request.attendee().toAttendee(), request.sessions()));
            return Response.created(URI.create("/api/events/" + eventId + "/registrations/" + registration.id()))
                    .entity(registration).build();
        });
    }

    @POST
    @Path("/group")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "registerGroup",
            summary = "Register a group", description = "The event's owner, co-organizers and delegates register "
            + "up to 50 attendees for one booker: all are confirmed together when the seats allow it, otherwise all "
            + "are waitlisted together, in order. Attendee tokens may not book groups (403): they act only for "
            + "themselves. Safe to retry with the same Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "The group's registrations",
            content = @Content(schema = @Schema(implementation = GroupRegistrationResponse.class)))
    @APIResponse(responseCode = "403", description = "An attendee token (attendees register only themselves), or "
            + "an organizer who is not the event's owner, co-organizer or delegate")
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "Someone in the group is already registered, or the event "
            + "does not take registrations now")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with a different request")
    public Response registerGroup(@PathParam("eventId") UUID eventId, @NotNull @Valid GroupRegisterRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("group", eventId, request),
                () -> Response.status(201).entity(GroupRegistrationResponse.from(registrations.registerGroup(eventId,
                        request.attendees().stream().map(AttendeeRequest::toAttendee).toList(), request.sessions())))
                        .build());
    }

    @GET
    @Path("/{registrationId}")
    @RolesAllowed({ Roles.ORGANIZER, Roles.ATTENDEE })
    @Operation(operationId = "getRegistration",
            summary = "One registration", description = "For the event's owner, co-organizers and delegates, "
            + "and for the attendee it belongs to (an attendee token sees only its own).")
    @APIResponse(responseCode = "200", description = "The registration",
            content = @Content(schema = @Schema(implementation = RegistrationResponse.class)))
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE + "; no such registration (or not yours)")
    public RegistrationResponse get(@PathParam("eventId") UUID eventId,
            @PathParam("registrationId") UUID registrationId) {
        return RegistrationResponse.from(registrations.get(eventId, registrationId));
    }

    @PATCH
    @Path("/{registrationId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ORGANIZER, Roles.ATTENDEE })
    @Operation(operationId = "correctAttendee",
            summary = "Correct a registration's attendee", description = "Only the fields present change: name, "
            + "organisation (empty clears it), answers (they replace those given before, checked as on registering), "
            + "language, and the address (the event's owner, co-organizers and delegates only; an attendee signs in "
            + "with theirs). Status, waiting-list place, sessions, travel and check-in stay. The attendee corrects "
            + "their own until the event ends; the event's members correct any at any time. A new address or "
            + "language is announced (registration.attendee-changed.v1): the attendee's mail goes to the new address "
            + "from then on, and it is sent the registration's confirmation (or waiting-list place) with an "
            + "invitation.")
    @APIResponse(responseCode = "200", description = "The registration as corrected",
            content = @Content(schema = @Schema(implementation = RegistrationResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks its rule (named), an answer does not fit its "
            + "question or a required one is missing (answers.<key>), or an attendee changed their address (email)")
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE + "; no such registration (or not yours)")
    @APIResponse(responseCode = "409", description = "The address already holds a place at the event "
            + "(already-registered), the registration (registration-cancelled) or the event (event-cancelled) is "
            + "cancelled, or an attendee's event has ended (event-ended)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "name", summary = "A name spelled as on the passport, a dietary need added",
                    value = """
                    {"name": "Ada Lindqvist-Berg", "answers": {"dietary": "vegan"}}
                    """) }))
    public RegistrationResponse correct(@PathParam("eventId") UUID eventId,
            @PathParam("registrationId") UUID registrationId, @NotNull @Valid ChangeAttendeeRequest request) {
        return RegistrationResponse.from(registrations.shown(attendees.correct(eventId, registrationId,
                request.toCorrection())));
    }

    @POST
    @Path("/{registrationId}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ORGANIZER, Roles.ATTENDEE })
    @Operation(operationId = "transferRegistration",
            summary = "Transfer a place to another person", description = "The new attendee holds the registration "
            + "from now on with its status, waiting-list place and session seats: nobody else moves up or down. Their "
            + "details replace the previous attendee's (answers checked as on registering, language the event's when "
            + "not given); the previous attendee's travel arrangement is removed. The attendee transfers their own "
            + "place until the event starts (and no longer sees it afterwards); the event's owner, co-organizers and "
            + "delegates until it ends. Announced as registration.attendee-changed.v1 (transferred): the previous "
            + "attendee is told (with a calendar cancellation when confirmed), the new one is sent the confirmation "
            + "(or waiting-list place) with an invitation. Safe to retry with the same Idempotency-Key.")
    @APIResponse(responseCode = "200", description = "The registration, now the new attendee's",
            content = @Content(schema = @Schema(implementation = RegistrationResponse.class)))
    @APIResponse(responseCode = "400", description = "A field of the new attendee breaks its rule (attendee.<field>, "
            + "attendee.answers.<key>), or it is the attendee who holds it already (attendee.email)")
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE + "; no such registration (or not yours)")
    @APIResponse(responseCode = "409", description = "The new attendee already holds a place at the event "
            + "(already-registered), the attendee checked in (registration-checked-in), the registration "
            + "(registration-cancelled) or the event (event-cancelled) is cancelled, the event started for an "
            + "attendee (event-started) or ended (event-ended), or the same Idempotency-Key is running")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with a different request")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "colleague", summary = "A colleague goes instead",
                    value = """
                    {"attendee": {"email": "jan.devries@example.org", "name": "Jan de Vries", "language": "nl",
                      "answers": {"dietary": "none"}}}
                    """) }))
    public Response transfer(@PathParam("eventId") UUID eventId, @PathParam("registrationId") UUID registrationId,
            @NotNull @Valid TransferRequest request, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("transfer", eventId, registrationId, request),
                () -> Response.ok(RegistrationResponse.from(registrations.shown(attendees.transfer(eventId,
                        registrationId, request.attendee().toAttendee())))).build());
    }

    @PUT
    @Path("/{registrationId}/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ORGANIZER, Roles.ATTENDEE })
    @Operation(operationId = "changeSessionChoices",
            summary = "Change which sessions a registration attends", description = "The list given replaces the "
            + "registration's choices: sessions left out are given up (a seat held goes back at once), sessions "
            + "added take a seat now when the registration is confirmed, or wait for its promotion when it is "
            + "waitlisted; sessions kept keep their seat. A full session refuses the whole change (nothing changes). "
            + "The attendee for their own registration; the event's owner, co-organizers and delegates for anyone's.")
    @APIResponse(responseCode = "200", description = "The registration with its sessions",
            content = @Content(schema = @Schema(implementation = RegistrationResponse.class)))
    @APIResponse(responseCode = "400", description = "A session that is not one of this event, or one given twice "
            + "(sessionIds[i])")
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE + "; no such registration (or not yours)")
    @APIResponse(responseCode = "409", description = "A session added is full (session-full), the registration "
            + "(registration-cancelled) or the event (event-cancelled) is cancelled")
    public RegistrationResponse changeSessions(@PathParam("eventId") UUID eventId,
            @PathParam("registrationId") UUID registrationId, @NotNull @Valid SessionChoicesRequest request) {
        sessions.rechoose(eventId, registrationId, request.sessionIds());
        return RegistrationResponse.from(registrations.get(eventId, registrationId));
    }

    @POST
    @Path("/{registrationId}/cancel")
    @RolesAllowed({ Roles.ORGANIZER, Roles.ATTENDEE })
    @Operation(operationId = "cancelRegistration",
            summary = "Cancel a registration", description = "A freed seat goes at once to the first on the "
            + "waiting list (registration.promoted.v2). An attendee token cancels only its own registration; "
            + "after the event's cancellation deadline its policy applies (REFUSE, or ACCEPT_LATE: counted as late). "
            + "The event's owner, co-organizers and delegates may always cancel.")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(schema = @Schema(implementation = RegistrationResponse.class)))
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE + "; no such registration (or not yours)")
    @APIResponse(responseCode = "409", description = "Already cancelled, or past the deadline of an event that "
            + "refuses late cancellations")
    public Response cancel(@PathParam("eventId") UUID eventId, @PathParam("registrationId") UUID registrationId,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("cancel", eventId, registrationId),
                () -> Response.ok(RegistrationResponse.from(registrations.cancel(eventId, registrationId))).build());
    }

    @POST
    @Path("/{registrationId}/check-in")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "checkInAttendee",
            summary = "Check an attendee in", description = "Owner, co-organizers and delegates only. Announces "
            + "registration.attendee-checked-in.v2.")
    @APIResponse(responseCode = "200", description = "Checked in",
            content = @Content(schema = @Schema(implementation = RegistrationResponse.class)))
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE + "; no such registration")
    @APIResponse(responseCode = "409", description = "Not confirmed, or already checked in")
    public Response checkIn(@PathParam("eventId") UUID eventId, @PathParam("registrationId") UUID registrationId,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("check-in", eventId, registrationId),
                () -> Response.ok(RegistrationResponse.from(registrations.checkIn(eventId, registrationId))).build());
    }

    @DELETE
    @Path("/{registrationId}/check-in")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "undoCheckIn",
            summary = "Undo a check-in", description = "Owner, co-organizers and delegates only. Announces "
            + "registration.check-in-undone.v1.")
    @APIResponse(responseCode = "200", description = "No longer checked in",
            content = @Content(schema = @Schema(implementation = RegistrationResponse.class)))
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE + "; no such registration")
    @APIResponse(responseCode = "409", description = "Not checked in")
    public RegistrationResponse undoCheckIn(@PathParam("eventId") UUID eventId,
            @PathParam("registrationId") UUID registrationId) {
        return RegistrationResponse.from(registrations.undoCheckIn(eventId, registrationId));
    }

    @PUT
    @Path("/{registrationId}/waiting-list-position")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "moveOnWaitingList",
            summary = "Move a registration to another place on the waiting list",
            description = "Owner, co-organizers and delegates only. The registration stands at `position` (1 = next "
                    + "to be promoted); those between its old and new place move one place along, and whoever joins "
                    + "later still comes after all of them. The next seat freed or added goes to whoever is first. "
                    + "Moving it to where it stands changes nothing.")
    @APIResponse(responseCode = "200", description = "The registration with its new `waitlistPosition`",
            content = @Content(schema = @Schema(implementation = RegistrationResponse.class)))
    @APIResponse(responseCode = "400", description = "position missing, below 1, or beyond the end of the waiting "
            + "list (the detail gives its length); an unknown field")
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE + "; no such registration")
    @APIResponse(responseCode = "409", description = "not-waitlisted: the registration is confirmed or cancelled")
    public RegistrationResponse moveOnWaitingList(@PathParam("eventId") UUID eventId,
            @PathParam("registrationId") UUID registrationId, @NotNull @Valid WaitingListPositionRequest request) {
        return RegistrationResponse.from(registrations.moveOnWaitingList(eventId, registrationId,
                request.position()));
    }
}
