package app.convene.registration.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.audit.AuditedChanges;
import app.convene.backbone.idempotency.IdempotentRequests;
import app.convene.backbone.problem.MergePatches;
import app.convene.backbone.problem.MergePatches.MergePatch;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.revalidation.EntityTags;
import app.convene.backbone.revalidation.Revalidated;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.registration.domain.EventFilter;
import app.convene.registration.domain.EventStatus;
import app.convene.registration.service.EventCatalog;
import app.convene.registration.service.EventCopies;
import app.convene.registration.service.EventListing;

import static app.convene.registration.api.Descriptions.NOT_MEMBER;
import static app.convene.registration.api.Descriptions.NOT_VISIBLE;

@Path("/api/events")
@Tag(name = "Events")
@Produces(MediaType.APPLICATION_JSON)
@AuditedChanges
public class EventResource {
    @Inject
    EventCatalog catalog;
    @Inject
    EventCopies copies;
    @Inject
    EventListing listing;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;
    @Inject
    ObjectMapper json;
    @Inject
    MergePatches patches;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "scheduleEvent",
            summary = "Schedule an event", description = "The caller owns the new event, which belongs to the "
            + "caller's organisation; `confidential` hides it from everyone but its owner, co-organizers and delegates. "
            + "Announces registration.event-scheduled.v1 (with the access) and registration.headcount-changed.v1. "
            + "Safe to retry with the same Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Scheduled",
            content = @Content(schema = @Schema(implementation = EventResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule (e.g. endsAt not after startsAt, "
            + "or more than 366 days after it)")
    @APIResponse(responseCode = "403", description = "Only organizers schedule events")
    @APIResponse(responseCode = "409", description = "A request with this Idempotency-Key is still running")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with a different request")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "summit", summary = "A published one-day event with a registration deadline",
                    value = """
                    {
                      "title": "Nordic Partner Summit 2027",
                      "description": "A day of talks and workshops with our partners.",
                      "startsAt": "2027-03-10T08:00:00Z",
                      "endsAt": "2027-03-10T17:00:00Z",
                      "timeZone": "Europe/Stockholm",
                      "capacity": 250,
                      "registrationClosesAt": "2027-03-08T23:00:00Z",
                      "cancellationDeadline": "2027-03-03T23:00:00Z",
                      "lateCancellationPolicy": "ACCEPT_LATE",
                      "language": "sv"
                    }
                    """),
            @ExampleObject(name = "draft", summary = "A confidential draft, prepared before it takes registrations",
                    value = """
                    {
                      "title": "Board meeting",
                      "startsAt": "2027-04-02T07:00:00Z",
                      "endsAt": "2027-04-02T09:00:00Z",
                      "timeZone": "Europe/Amsterdam",
                      "capacity": 12,
                      "status": "DRAFT",
                      "confidential": true
                    }
                    """) }))
    public Response schedule(@NotNull @Valid CreateEventRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("POST /api/events", request), () -> {
            EventResponse event = EventResponse.from(catalog.schedule(request.toTerms(), request.status()));
            return Response.created(URI.create("/api/events/" + event.id())).entity(event).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE, Roles.FACILITY, Roles.ATTENDEE })
    @Operation(operationId = "listEvents",
            summary = "The events you may see, page by page", description = "In start order (then id). Staff "
            + "see every event of their organisation that is not confidential, and the confidential ones they own, "
            + "co-organize or are a delegate of; attendees see the published (or cancelled) events of their "
            + "organisation that are not confidential, and those they hold a registration for. Filters combine. "
            + "Follow `next` for the following page.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = EventListPage.class)))
    @APIResponse(responseCode = "400", description = "A filter, limit (1 to 200) or cursor is not valid")
    public EventListPage list(
            @Parameter(description = "Events starting at or after this instant") @QueryParam("from") Instant from,
            @Parameter(description = "Events starting before this instant") @QueryParam("to") Instant to,
            @Parameter(description = "DRAFT, PUBLISHED or CANCELLED") @QueryParam("status") EventStatus status,
            @Parameter(description = "Text in the title, any case") @QueryParam("q") @Size(max = 200) String text,
            @Parameter(description = "`me`: only events you own") @QueryParam("owner") String owner,
            @Parameter(description = Descriptions.AFTER) @QueryParam("after") String after,
            @Parameter(description = "Page size, 1 to 200") @QueryParam("limit") @DefaultValue("50") @Min(1)
            @Max(EventListing.MAX_PAGE) int limit) {
        if (owner != null && !owner.equals("me")) {
            throw ProblemException.invalidField("owner", "the only value is 'me'");
        }
        EventFilter filter = new EventFilter(from, to, status, text == null || text.isBlank() ? null : text.strip(),
                owner != null);
        return EventListPage.from(listing.events(filter, Cursors.decodeEvent(after), limit));
    }

    @GET
    @Path("/{eventId}")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE, Roles.FACILITY, Roles.ATTENDEE })
    @Operation(operationId = "getEvent",
            summary = "An event with its live counts", description = "Staff of the event's organisation read it "
            + "unless it is confidential (then only its owner, co-organizers and delegates); attendees read it when "
            + "it is published or cancelled and not confidential, or when they hold a registration for it.")
    @APIResponse(responseCode = "200", description = "The event; its ETag names this state, live counts included "
            + "(send it as If-Match to change exactly what was read)",
            content = @Content(schema = @Schema(implementation = EventResponse.class)))
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    @APIResponse(responseCode = "304", description = Revalidated.NOT_MODIFIED)
    public Response get(@PathParam("eventId") UUID eventId,
            @Parameter(description = EntityTags.IF_NONE_MATCH) @HeaderParam(HttpHeaders.IF_NONE_MATCH)
            String ifNoneMatch) {
        EventResponse event = EventResponse.from(catalog.read(eventId));
        return EntityTags.read(ifNoneMatch, EntityTags.of(json, event), () -> event);
    }

    @PATCH
    @Path("/{eventId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "changeEvent",
            summary = "Change an event's terms", description = "Only the fields present change (JSON Merge Patch, "
            + "RFC 7396): description, registrationOpensAt, registrationClosesAt, cancellationDeadline and department "
            + "sent as null are cleared; the terms every event has keep their value when sent as null. Lowering the "
            + "capacity below the confirmed count un-confirms nobody; raising it promotes from the waiting list at "
            + "once. Moving the event as a whole (startsAt and endsAt by the same time) moves its sessions along; a "
            + "change of its length leaves them in place, and no session may then lie outside it. Owner, "
            + "co-organizers and delegates only. Announces registration.event-updated.v1 (and headcount-changed when "
            + "the seats change).")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = EventResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule (e.g. the event would end more than "
            + "366 days after it starts)")
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "The event is cancelled (event-cancelled), or a session would "
            + "lie outside it (session-outside-event)")
    @APIResponse(responseCode = "412", description = EntityTags.PRECONDITION_FAILED + ". The tag covers the live "
            + "counts too: a registration or cancellation since the read also refuses the change, since a capacity "
            + "is decided on them")
    public Response change(@PathParam("eventId") UUID eventId,
            @Parameter(description = EntityTags.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ChangeEventRequest.class))) JsonNode body)
            throws JsonProcessingException {
        MergePatch<ChangeEventRequest> patch = patches.read(body, ChangeEventRequest.class, EventCatalog.CLEARABLE);
        // The answer carries no ETag: its moments are as sent, which may be finer than the microseconds stored, so
        // whoever goes on changing the event reads it again for the tag.
        return Response.ok(EventResponse.from(catalog.change(eventId, patch.changes().toTerms(), patch.cleared(),
                current -> EntityTags.requireCurrent(ifMatch, () -> EntityTags.of(json, EventResponse.from(current))))))
                .build();
    }

    @POST
    @Path("/{eventId}/copy")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "copyEvent",
            summary = "Copy an event to a new date", description = "Next year's conference from this year's: a new "
            + "event with the terms of one you may see (description, length, time zone, capacity, language, "
            + "department, confidentiality, late-cancellation policy), its sessions with their speakers and its "
            + "questions, all moved to the new start (the registration window and cancellation deadline too). Not "
            + "copied: registrations, co-organizers and delegates (the copy is yours, as a new event is), its room, "
            + "cancelled sessions and retired questions. A DRAFT unless PUBLISHED is asked. Announced as any new "
            + "event (registration.event-scheduled.v1). Safe to retry with the same Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "The copy, at the Location header",
            content = @Content(schema = @Schema(implementation = EventResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule (named): startsAt missing or out of "
            + "range, a blank title, status CANCELLED, an unknown field")
    @APIResponse(responseCode = "403", description = "Only organizers copy events")
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "A request with this Idempotency-Key is still running")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with a different request")
    public Response copy(@PathParam("eventId") UUID eventId, @NotNull @Valid CopyEventRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        if (request.status() == EventStatus.CANCELLED) {
            throw ProblemException.invalidField("status", "must be DRAFT or PUBLISHED");
        }
        return idempotent.execute(caller.name(), idempotencyKey, List.of("copy", eventId, request), () -> {
            EventResponse copy = EventResponse.from(copies.copy(eventId,
                    request.title() == null ? null : request.title().strip(), request.startsAt(), request.status()));
            return Response.created(URI.create("/api/events/" + copy.id())).entity(copy).build();
        });
    }

    @POST
    @Path("/{eventId}/publish")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "publishEvent",
            summary = "Publish a draft event", description = "Opens it for registration within its window. "
            + "Owner, co-organizers and delegates only.")
    @APIResponse(responseCode = "200", description = "Published (or already was)",
            content = @Content(schema = @Schema(implementation = EventResponse.class)))
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "The event is cancelled")
    public Response publish(@PathParam("eventId") UUID eventId,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("publish", eventId),
                () -> Response.ok(EventResponse.from(catalog.publish(eventId))).build());
    }

    @POST
    @Path("/{eventId}/cancel")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "cancelEvent",
            summary = "Cancel an event", description = "No more registrations; existing ones are kept for the "
            + "record. Owner, co-organizers and delegates only. Announces registration.event-cancelled.v1.")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(schema = @Schema(implementation = EventResponse.class)))
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "Already cancelled")
    public Response cancel(@PathParam("eventId") UUID eventId,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("cancel-event", eventId),
                () -> Response.ok(EventResponse.from(catalog.cancel(eventId))).build());
    }
}
