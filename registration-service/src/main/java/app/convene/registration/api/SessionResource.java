package app.convene.registration.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import app.convene.registration.service.Conflicts;
import app.convene.registration.service.Sessions;

import static app.convene.registration.api.Descriptions.NOT_MEMBER;
import static app.convene.registration.api.Descriptions.NOT_VISIBLE;

@Path("/api/events/{eventId}")
@Tag(name = "Sessions and conflicts")
@Produces(MediaType.APPLICATION_JSON)
@AuditedChanges
public class SessionResource {
    @Inject
    Sessions sessions;
    @Inject
    Conflicts conflicts;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;

    @POST
    @Path("/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "addSession",
            summary = "Add a session to an event", description = "The session lies within the event's times. "
            + "Owner, co-organizers and delegates only.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule (outside the event, end before start)")
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    public Response create(@PathParam("eventId") UUID eventId, @NotNull @Valid CreateSessionRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("session", eventId, request), () -> {
            SessionResponse session = SessionResponse.from(sessions.create(eventId, request.toSession()));
            return Response.created(URI.create("/api/events/" + eventId + "/sessions/" + session.id()))
                    .entity(session).build();
        });
    }

    @GET
    @Path("/sessions")
    @RolesAllowed({ Roles.ORGANIZER, Roles.ATTENDEE, Roles.FACILITY, Roles.FINANCE })
    @Operation(operationId = "listSessions",
            summary = "The event's sessions with seats left", description = "For whoever may read the event.")
    @APIResponse(responseCode = "200", description = "Sessions in time order",
            content = @Content(schema = @Schema(implementation = SessionResponse[].class)))
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    public List<SessionResponse> list(@PathParam("eventId") UUID eventId) {
        return sessions.list(eventId).stream().map(SessionResponse::from).toList();
    }

    @GET
    @Path("/sessions/{sessionId}")
    @RolesAllowed({ Roles.ORGANIZER, Roles.ATTENDEE, Roles.FACILITY, Roles.FINANCE })
    @Operation(operationId = "getSession", summary = "One session with its seats left",
            description = "Where a new session's Location points. For whoever may read the event.")
    @APIResponse(responseCode = "200", description = "The session",
            content = @Content(schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(responseCode = "404", description = NOT_VISIBLE + "; no such session of this event")
    public SessionResponse get(@PathParam("eventId") UUID eventId, @PathParam("sessionId") UUID sessionId) {
        return SessionResponse.from(sessions.find(eventId, sessionId));
    }

    @PATCH
    @Path("/sessions/{sessionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "changeSession",
            summary = "Change a session", description = "Only the fields present change (a field sent as null keeps "
            + "its value): title, times (still within the event), capacity (never below the seats held) and speakers "
            + "(the list given replaces them all). Seats held and choices made stay as they are. Owner, co-organizers "
            + "and delegates only.")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule (outside the event, end before start, a "
            + "speaker twice)")
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE + "; no such session of this event")
    @APIResponse(responseCode = "409", description = "The capacity is below the seats held (session-seats-held), or "
            + "the session (session-cancelled) or the event (event-cancelled) is cancelled")
    public SessionResponse change(@PathParam("eventId") UUID eventId, @PathParam("sessionId") UUID sessionId,
            @NotNull @Valid ChangeSessionRequest request) {
        return SessionResponse.from(sessions.change(eventId, sessionId, request.toChanges()));
    }

    @POST
    @Path("/sessions/{sessionId}/cancel")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "cancelSession",
            summary = "Cancel a session", description = "The session stays listed with the time it was cancelled "
            + "(cancelledAt); every seat held in it goes back and every choice of it is dropped, while the "
            + "registrations for the event stand. It takes no choices and no changes from then on, and the event's "
            + "calendar feed shows it cancelled. Announced as registration.session-cancelled.v1 with the "
            + "registrations whose choice it dropped: notification-service writes to each of them. Owner, "
            + "co-organizers and delegates only. Safe to retry with the same Idempotency-Key.")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE + "; no such session of this event")
    @APIResponse(responseCode = "409", description = "The session (session-cancelled) or the event (event-cancelled) "
            + "is cancelled already, or the same Idempotency-Key is running")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with a different request")
    public Response cancel(@PathParam("eventId") UUID eventId, @PathParam("sessionId") UUID sessionId,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("cancel-session", eventId, sessionId),
                () -> Response.ok(SessionResponse.from(sessions.cancel(eventId, sessionId))).build());
    }

    @GET
    @Path("/conflicts")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "listConflicts",
            summary = "People expected in two places at once", description = "Attendees of this event "
            + "registered for another event that overlaps it, attendees whose chosen sessions overlap, and speakers "
            + "of this event's sessions who speak in an overlapping session (here or in another event). Only events "
            + "of the organisation that the caller may see are considered. Owner, co-organizers and delegates only.")
    @APIResponse(responseCode = "200", description = "Each clash, with both commitments",
            content = @Content(schema = @Schema(implementation = Conflict[].class)))
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    public List<Conflict> conflicts(@PathParam("eventId") UUID eventId) {
        return conflicts.forEvent(eventId).stream().map(Conflict::from).toList();
    }
}
