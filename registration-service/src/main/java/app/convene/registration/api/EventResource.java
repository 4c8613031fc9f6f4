package app.convene.registration.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.event.EventAccess;
import app.convene.backbone.idempotency.IdempotentRequests;
import app.convene.backbone.problem.Problem;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.registration.domain.Event;
import app.convene.registration.domain.EventStatus;
import app.convene.registration.domain.LateCancellationPolicy;
import app.convene.registration.service.EventCatalog;
import app.convene.registration.service.EventCatalog.EventTerms;
import app.convene.registration.service.EventCatalog.EventView;
import app.convene.registration.service.EventListing;

@Path("/api/events")
@Tag(name = "Events")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {
    static final String NOT_VISIBLE = "No such event in your organisation, or not visible to you";
    static final String NOT_MEMBER = "Only the event's owner, co-organizers and delegates may do this";

    @Inject
    EventCatalog catalog;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;
    @Inject
    EventListing listing;

    public record CreateEventRequest(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String description,
            @NotNull @Schema(examples = "2027-03-10T08:00:00Z") Instant startsAt,
            @NotNull @Schema(examples = "2027-03-10T17:00:00Z") Instant endsAt,
            @NotBlank @Size(max = 64) @Schema(description = "IANA time zone", examples = "Europe/Stockholm")
            String timeZone,
            @NotNull @PositiveOrZero @Max(1_000_000) Integer capacity,
            @Schema(description = "Registration opens here; immediately when not set") Instant registrationOpensAt,
            @Schema(description = "Registration closes here; at the start when not set") Instant registrationClosesAt,
            @Schema(description = "Cancellations after this follow lateCancellationPolicy; the start when not set")
            Instant cancellationDeadline,
            @Schema(description = "Default ACCEPT_LATE") LateCancellationPolicy lateCancellationPolicy,
            @Size(max = 100) String venueId,
            @Size(max = 100) String roomId,
            @Schema(description = "DRAFT to prepare without taking registrations; default PUBLISHED")
            EventStatus status,
            @Schema(description = "Seen only by its owner, co-organizers and delegates (finance: its budget); "
                    + "default false") Boolean confidential) {
    }

    /** Only the fields present change. */
    public record ChangeEventRequest(
            @Size(min = 1, max = 200) String title,
            @Size(max = 4000) String description,
            Instant startsAt,
            Instant endsAt,
            @Size(min = 1, max = 64) String timeZone,
            @PositiveOrZero @Max(1_000_000) Integer capacity,
            Instant registrationOpensAt,
            Instant registrationClosesAt,
            Instant cancellationDeadline,
            LateCancellationPolicy lateCancellationPolicy,
            @Size(max = 100) String venueId,
            @Size(max = 100) String roomId,
            @Schema(description = "Seen only by its owner, co-organizers and delegates (finance: its budget)")
            Boolean confidential) {
    }

    public record EventResponse(UUID id, String title, String description, EventStatus status, Instant startsAt,
            Instant endsAt, String timeZone,
            @Schema(description = "The capacity the organizer set") int capacity,
            @Schema(description = "Safe occupancy of the booked room, when venue-service announced one")
            Integer roomSafeOccupancy,
            @Schema(description = "Seats that may be confirmed: capacity capped by the room's safe occupancy")
            int effectiveCapacity,
            @Schema(description = "EVENT_CAPACITY or ROOM_SAFE_OCCUPANCY: which of the two limits the seats")
            String capacityLimitedBy,
            int confirmed, int waitlisted, int checkedIn, int noShows, int lateCancellations, int seatsLeft,
            Instant registrationOpensAt, Instant registrationClosesAt, Instant cancellationDeadline,
            LateCancellationPolicy lateCancellationPolicy, String venueId, String roomId, Instant cancelledAt,
            @Schema(description = "Seen only by its owner, co-organizers and delegates") boolean confidential,
            @Schema(description = "The organisation, owner, co-organizers and delegates; shown to the organisation's "
                    + "staff, not to attendees") EventAccess access) {
        static EventResponse of(EventView view) {
            Event e = view.event();
            return new EventResponse(e.id, e.title, e.description, e.status, e.startsAt, e.endsAt, e.timeZone,
                    e.capacity, e.roomSafeOccupancy, e.effectiveCapacity(), e.capacityLimitedBy(), e.confirmedCount,
                    e.waitlistedCount, e.checkedInCount, e.noShowCount, e.lateCancellationCount, e.seatsLeft(),
                    e.registrationOpensAt, e.registrationClosesAtOrStart(), e.cancellationDeadlineOrStart(),
                    e.lateCancellationPolicy, e.venueId, e.roomId, e.cancelledAt,
                    view.confidential(), view.access());
        }
    }

    public record EventListPage(List<EventResponse> events,
            @Schema(description = "Pass as `after` for the next page; null on the last page") String next) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Schedule an event", description = "The caller owns the new event, which belongs to the "
            + "caller's organisation; `confidential` hides it from everyone but its owner, co-organizers and delegates. "
            + "Announces registration.event-scheduled.v1 (with the access) and registration.headcount-changed.v1. "
            + "Safe to retry with the same Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Scheduled",
            content = @Content(schema = @Schema(implementation = EventResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule (e.g. endsAt not after startsAt)")
    @APIResponse(responseCode = "403", description = "Only organizers schedule events")
    @APIResponse(responseCode = "409", description = "A request with this Idempotency-Key is still running")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with a different request")
    public Response schedule(@NotNull @Valid CreateEventRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("POST /api/events", request), () -> {
            EventView view = catalog.schedule(new EventTerms(request.title(), request.description(),
                    request.startsAt(), request.endsAt(), request.timeZone(), request.capacity(),
                    request.registrationOpensAt(), request.registrationClosesAt(), request.cancellationDeadline(),
                    request.lateCancellationPolicy(), request.venueId(), request.roomId(), request.confidential()),
                    request.status());
            return Response.created(URI.create("/api/events/" + view.event().id)).entity(EventResponse.of(view))
                    .build();
        });
    }

    @GET
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE, Roles.FACILITY, Roles.ATTENDEE })
    @Operation(summary = "The events you may see, page by page", description = "In start order (then id). Staff "
            + "see every event of their organisation that is not confidential, and the confidential ones they own, "
            + "co-organize or are a delegate of; attendees see the published (or cancelled) events of their "
            + "organisation that are not confidential, and those they hold a registration for. Filters combine. "
            + "Follow `next` for the following page.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = EventListPage.class)))
    @APIResponse(responseCode = "400", description = "A filter, limit (1 to 200) or cursor is not valid")
    public EventListPage list(
            @Parameter(description = "Events starting at or after this instant") @QueryParam("from") String from,
            @Parameter(description = "Events starting before this instant") @QueryParam("to") String to,
            @Parameter(description = "DRAFT, PUBLISHED or CANCELLED") @QueryParam("status") String status,
            @Parameter(description = "Text in the title, any case") @QueryParam("q") @Size(max = 200) String text,
            @Parameter(description = "`me`: only events you own") @QueryParam("owner") String owner,
            @Parameter(description = "Cursor from the previous page's `next`") @QueryParam("after") String after,
            @Parameter(description = "Page size, 1 to 200") @QueryParam("limit") @DefaultValue("50") @Min(1)
            @Max(EventListing.MAX_PAGE) int limit) {
        if (owner != null && !owner.equals("me")) {
            throw ProblemException.invalidField("owner", "the only value is 'me'");
        }
        EventListing.EventPage page = listing.events(new EventListing.EventFilter(instant("from", from),
                instant("to", to), status(status), text == null || text.isBlank() ? null : text.strip(),
                owner != null), decode(after), limit);
        return new EventListPage(page.events().stream().map(EventResponse::of).toList(), encode(page.next()));
    }

    @GET
    @Path("/{eventId}")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE, Roles.FACILITY, Roles.ATTENDEE })
    @Operation(summary = "An event with its live counts", description = "Staff of the event's organisation read it "
            + "unless it is confidential (then only its owner, co-organizers and delegates); attendees read it when "
            + "it is published or cancelled and not confidential, or when they hold a registration for it.")
    @APIResponse(responseCode = "200", description = "The event",
            content = @Content(schema = @Schema(implementation = EventResponse.class)))
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    public EventResponse get(@PathParam("eventId") UUID eventId) {
        return EventResponse.of(catalog.read(eventId));
    }

    @PATCH
    @Path("/{eventId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Change an event's terms", description = "Only the fields present change. Lowering the "
            + "capacity below the confirmed count un-confirms nobody; raising it promotes from the waiting list at "
            + "once. Owner, co-organizers and delegates only. Announces registration.event-updated.v1 (and "
            + "headcount-changed when the seats change).")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = EventResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule")
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "The event is cancelled")
    public EventResponse change(@PathParam("eventId") UUID eventId, @NotNull @Valid ChangeEventRequest request) {
        return EventResponse.of(catalog.change(eventId, new EventTerms(request.title(), request.description(),
                request.startsAt(), request.endsAt(), request.timeZone(), request.capacity(),
                request.registrationOpensAt(), request.registrationClosesAt(), request.cancellationDeadline(),
                request.lateCancellationPolicy(), request.venueId(), request.roomId(), request.confidential())));
    }

    @POST
    @Path("/{eventId}/publish")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Publish a draft event", description = "Opens it for registration within its window. "
            + "Owner, co-organizers and delegates only.")
    @APIResponse(responseCode = "200", description = "Published (or already was)",
            content = @Content(schema = @Schema(implementation = EventResponse.class)))
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "The event is cancelled")
    public Response publish(@PathParam("eventId") UUID eventId, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("publish", eventId),
                () -> Response.ok(EventResponse.of(catalog.publish(eventId))).build());
    }

    @POST
    @Path("/{eventId}/cancel")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Cancel an event", description = "No more registrations; existing ones are kept for the "
            + "record. Owner, co-organizers and delegates only. Announces registration.event-cancelled.v1.")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(schema = @Schema(implementation = EventResponse.class)))
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "Already cancelled")
    public Response cancel(@PathParam("eventId") UUID eventId, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("cancel-event", eventId),
                () -> Response.ok(EventResponse.of(catalog.cancel(eventId))).build());
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be an instant such as 2027-03-10T08:00:00Z");
        }
    }

    private static EventStatus status(String status) {
        if (status == null || status.isEmpty()) {
            return null;
        }
        try {
            return EventStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("status", "must be one of DRAFT, PUBLISHED, CANCELLED");
        }
    }

    /** The cursor is the last event's start and id, base64url-encoded ("start|id"). */
    private static EventListing.EventCursor decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split("\\|");
            if (parts.length != 2) {
                throw new IllegalArgumentException(cursor);
            }
            return new EventListing.EventCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw ProblemException.invalidField("after", "is not a cursor this API gave out");
        }
    }

    private static String encode(EventListing.EventCursor cursor) {
        return cursor == null ? null : Base64.getUrlEncoder().withoutPadding().encodeToString(
                (cursor.startsAt() + "|" + cursor.id()).getBytes(StandardCharsets.US_ASCII));
    }
}
