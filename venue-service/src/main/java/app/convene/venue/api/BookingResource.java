package app.convene.venue.api;

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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.audit.AuditedChanges;
import app.convene.backbone.idempotency.IdempotentRequests;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.venue.domain.Booking;
import app.convene.venue.service.Bookings;

@Path("/api")
@Tag(name = "Bookings")
@Produces(MediaType.APPLICATION_JSON)
@AuditedChanges
public class BookingResource {
    @Inject
    Bookings bookings;
    @Inject
    Caller caller;
    @Inject
    IdempotentRequests idempotent;

    @POST
    @Path("/bookings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY })
    @Operation(operationId = "createBooking",
            summary = "Book a room of your organisation for an event, with setup and teardown time; announces "
            + "venue.booking-confirmed.v1", description = "By the event's owner, co-organizers and delegates, or by "
            + "facility for the whole organisation.")
    @APIResponse(responseCode = "201", description = "The confirmed booking, at the Location header",
            content = @Content(schema = @Schema(implementation = BookingResponse.class)))
    @APIResponse(responseCode = "404", description = Descriptions.NO_ROOM + "; or no such event in your "
            + "organisation, or not visible to you, or not known yet (venue learns of an event from registration "
            + "moments after it is scheduled: book again shortly)")
    @APIResponse(responseCode = "403", description = Descriptions.NOT_MEMBER)
    @APIResponse(responseCode = "409", description = "The room is taken at that time (the detail names the booking "
            + "in the way when you may see its event), the event already holds a room, it was cancelled, or the room "
            + "was retired (room-retired)")
    @APIResponse(responseCode = "422", description = "booking-does-not-cover-event: the booking does not cover the "
            + "event's scheduled time; or idempotency-key-reused: the Idempotency-Key was first used with a "
            + "different request")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "dayWithSetup", summary = "A day in a room, with setup and teardown time and a price",
                    value = """
                    {
                      "roomId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
                      "eventId": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
                      "startsAt": "2027-03-10T08:00:00Z",
                      "endsAt": "2027-03-10T17:00:00Z",
                      "setupMinutes": 90,
                      "teardownMinutes": 60,
                      "price": {"amount": 1200, "currency": "EUR"}
                    }
                    """) }))
    public Response book(@NotNull @Valid BookingRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("book-room", request), () -> {
            Booking booking = bookings.book(request.terms(), caller.subject());
            return Response.created(URI.create("/api/bookings/" + booking.id))
                    .entity(BookingResponse.from(booking)).build();
        });
    }

    @GET
    @Path("/bookings/{bookingId}")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(operationId = "getBooking", summary = "A booking",
            description = "Organizers, facility and finance staff; a booking of an event you may not see is a 404.")
    @APIResponse(responseCode = "200", description = "The booking",
            content = @Content(schema = @Schema(implementation = BookingResponse.class)))
    @APIResponse(responseCode = "404", description = Descriptions.NO_BOOKING)
    public BookingResponse get(@PathParam("bookingId") UUID bookingId) {
        return BookingResponse.from(bookings.booking(bookingId));
    }

    @PATCH
    @Path("/bookings/{bookingId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY })
    @Operation(operationId = "changeBooking",
            summary = "Move a confirmed booking to other times or another room, or price it anew; announces "
                    + "venue.booking-confirmed.v1 again with its new terms",
            description = "By the event's owner, co-organizers and delegates, or by facility for the whole "
                    + "organisation. The same booking changes in place, checked as a new booking is: the room (any "
                    + "of your organisation's) free from setup to teardown but for this booking, not closed, and the "
                    + "event's times covered. Fields left out keep the booking's (setup and teardown minutes "
                    + "included). Its checklists' items fall due as much earlier or later as the start moved; in "
                    + "another room they are to be inspected again (outcomes and sign-off cleared). Registration takes "
                    + "the new room's safe occupancy, budget the new price, briefings the new room; the venue's "
                    + "subscribed partners are told of the move (when it changes venue: the first venue's of a "
                    + "cancellation, the second's of a booking). A change that changes nothing answers the booking and "
                    + "announces nothing.")
    @APIResponse(responseCode = "200", description = "The booking as changed",
            content = @Content(schema = @Schema(implementation = BookingResponse.class)))
    @APIResponse(responseCode = "400", description = "endsAt not after startsAt (as changed), longer than 31 days, "
            + "minutes out of range, a malformed price, or an unknown field")
    @APIResponse(responseCode = "403", description = Descriptions.NOT_MEMBER)
    @APIResponse(responseCode = "404", description = Descriptions.NO_BOOKING + "; or no such room in your "
            + "organisation")
    @APIResponse(responseCode = "409", description = "booking-cancelled: the booking was cancelled; room-taken: the "
            + "room is taken at that time (the detail names the booking in the way when you may see its event); "
            + "venue-closed: the venue or room is closed then; room-retired: the room chosen was retired; "
            + "booking-changed: another change moved it to another room meanwhile (read it and repeat)")
    @APIResponse(responseCode = "422", description = "booking-does-not-cover-event: the booking would not cover the "
            + "event's scheduled time")
    public BookingResponse change(@PathParam("bookingId") UUID bookingId,
            @NotNull @Valid ChangeBookingRequest request) {
        return BookingResponse.from(bookings.change(bookingId, request.change()));
    }

    @GET
    @Path("/rooms/{roomId}/bookings")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(operationId = "listRoomBookings",
            summary = "The bookings of a room whose event you may see, confirmed and cancelled, by setup time",
            description = "Organizers, facility and finance staff. Bookings of confidential events are listed only "
                    + "to their owner, co-organizers and delegates. With `from` and/or `to`, only the bookings whose "
                    + "setup to teardown overlaps that window (a week's or a month's calendar); without, all of them. "
                    + "A page at a time: pass `next` as `after` (with the same window) until it is null.")
    @APIResponse(responseCode = "200", description = "A page of the room's bookings (bookings of confidential events "
            + "only to their owner, co-organizers and delegates)",
            content = @Content(schema = @Schema(implementation = BookingPage.class)))
    @APIResponse(responseCode = "400", description = "from or to is not an ISO-8601 instant, to is not after from, "
            + "`after` is not a booking of this room, or `limit` is out of range")
    @APIResponse(responseCode = "404", description = Descriptions.NO_ROOM)
    public BookingPage ofRoom(@PathParam("roomId") UUID roomId,
            @Parameter(description = "Only bookings whose teardown ends after this instant")
            @QueryParam("from") Instant from,
            @Parameter(description = "Only bookings whose setup starts before this instant")
            @QueryParam("to") Instant to,
            @Parameter(description = "The previous page's `next`") @QueryParam("after") UUID after,
            @Parameter(description = "Page size, 1 to 500") @QueryParam("limit") @DefaultValue("100") @Min(1)
            @Max(Bookings.MAX_PAGE) int limit) {
        Bookings.Page page = bookings.bookingsOf(roomId, from, to, after, limit);
        return new BookingPage(page.bookings().stream().map(BookingResponse::from).toList(), page.next());
    }

    @POST
    @Path("/bookings/{bookingId}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY })
    @Operation(operationId = "cancelBooking", summary = "Give the room up; announces venue.booking-cancelled.v1",
            description = "Organizers and facility staff. The room is free again for the booking's time, setup and "
                    + "teardown included.")
    @APIResponse(responseCode = "200", description = "The cancelled booking",
            content = @Content(schema = @Schema(implementation = BookingResponse.class)))
    @APIResponse(responseCode = "404", description = Descriptions.NO_BOOKING)
    @APIResponse(responseCode = "403", description = Descriptions.NOT_MEMBER)
    @APIResponse(responseCode = "409", description = "The booking was already cancelled")
    public Response cancel(@PathParam("bookingId") UUID bookingId, @NotNull @Valid CancellationRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("cancel-booking", bookingId, request),
                () -> Response.ok(BookingResponse.from(bookings.cancel(bookingId, request.reason().strip()))).build());
    }
}
