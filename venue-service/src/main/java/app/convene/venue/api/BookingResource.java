package app.convene.venue.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
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

import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.venue.domain.Booking;
import app.convene.venue.service.Bookings;
import app.convene.backbone.money.Money;

@Path("/api")
@Tag(name = "Bookings")
@Produces(MediaType.APPLICATION_JSON)
public class BookingResource {
    @Inject
    Bookings bookings;
    @Inject
    Caller caller;

    public record PriceRequest(
            @NotNull @DecimalMin("0") @Digits(integer = 11, fraction = 3) @Schema(examples = "1200.50")
            BigDecimal amount,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code, e.g. EUR")
            String currency) {
    }

    public record BookingRequest(
            @NotNull UUID roomId,
            @NotNull UUID eventId,
            @NotNull @Schema(description = "When the event starts in the room", examples = "2027-03-10T08:00:00Z")
            Instant startsAt,
            @NotNull @Schema(description = "When the event ends in the room", examples = "2027-03-10T17:00:00Z")
            Instant endsAt,
            @Schema(description = "Minutes the room is needed before the start; default 0")
            @PositiveOrZero @Max(10_080) Integer setupMinutes,
            @Schema(description = "Minutes the room is needed after the end; default 0")
            @PositiveOrZero @Max(10_080) Integer teardownMinutes,
            @Schema(description = "What the room costs; omit when free") @Valid PriceRequest price) {
    }

    public record CancellationRequest(@NotBlank @Size(max = 500) String reason) {
    }

    public record PriceResponse(BigDecimal amount, String currency) {
    }

    public record BookingResponse(UUID id, UUID roomId, UUID eventId, Instant startsAt, Instant endsAt,
            Instant setupStartsAt, Instant teardownEndsAt, PriceResponse price, String status, String bookedBy,
            Instant bookedAt, Instant cancelledAt, String cancellationReason) {
        static BookingResponse of(Booking b) {
            return new BookingResponse(b.id, b.roomId, b.eventId, b.startsAt, b.endsAt, b.setupStartsAt,
                    b.teardownEndsAt, b.priceAmount == null ? null
                            : new PriceResponse(Money.atScale(b.priceAmount, b.priceCurrency), b.priceCurrency),
                    b.status.name(), b.bookedBy, b.bookedAt, b.cancelledAt, b.cancellationReason);
        }
    }

    @POST
    @Path("/bookings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY })
    @Operation(summary = "Book a room of your organisation for an event, with setup and teardown time; announces "
            + "venue.booking-confirmed.v1", description = "By the event's owner, co-organizers and delegates, or by "
            + "facility for the whole organisation.")
    @APIResponse(responseCode = "201", description = "The confirmed booking, at the Location header",
            content = @Content(schema = @Schema(implementation = BookingResponse.class)))
    @APIResponse(responseCode = "404", description = AccessAnswers.NO_ROOM + "; or no such event in your "
            + "organisation, or not visible to you, or not known yet (venue learns of an event from registration "
            + "moments after it is scheduled: book again shortly)")
    @APIResponse(responseCode = "403", description = AccessAnswers.NOT_MEMBER)
    @APIResponse(responseCode = "409", description = "The room is taken at that time (the detail names the booking "
            + "in the way when you may see its event), the event already holds a room, or it was cancelled")
    @APIResponse(responseCode = "422", description = "The booking does not cover the event's scheduled time")
    public Response book(@NotNull @Valid BookingRequest request) {
        Booking booking = bookings.book(new Bookings.BookingTerms(request.roomId(), request.eventId(),
                request.startsAt(), request.endsAt(), orZero(request.setupMinutes()),
                orZero(request.teardownMinutes()), request.price() == null ? null : request.price().amount(),
                request.price() == null ? null : request.price().currency()), caller.subject());
        return Response.created(URI.create("/api/bookings/" + booking.id)).entity(BookingResponse.of(booking))
                .build();
    }

    @GET
    @Path("/bookings/{bookingId}")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(summary = "A booking")
    @APIResponse(responseCode = "200", description = "The booking",
            content = @Content(schema = @Schema(implementation = BookingResponse.class)))
    @APIResponse(responseCode = "404", description = AccessAnswers.NO_BOOKING)
    public BookingResponse get(@PathParam("bookingId") UUID bookingId) {
        return BookingResponse.of(bookings.booking(bookingId));
    }

    @GET
    @Path("/rooms/{roomId}/bookings")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(summary = "Every booking of a room whose event you may see, confirmed and cancelled, by setup time")
    @APIResponse(responseCode = "200", description = "The room's bookings (bookings of confidential events only to "
            + "their owner, co-organizers and delegates)")
    @APIResponse(responseCode = "404", description = AccessAnswers.NO_ROOM)
    public List<BookingResponse> ofRoom(@PathParam("roomId") UUID roomId) {
        return bookings.bookingsOf(roomId).stream().map(BookingResponse::of).toList();
    }

    @POST
    @Path("/bookings/{bookingId}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY })
    @Operation(summary = "Give the room up; announces venue.booking-cancelled.v1")
    @APIResponse(responseCode = "200", description = "The cancelled booking",
            content = @Content(schema = @Schema(implementation = BookingResponse.class)))
    @APIResponse(responseCode = "404", description = AccessAnswers.NO_BOOKING)
    @APIResponse(responseCode = "403", description = AccessAnswers.NOT_MEMBER)
    @APIResponse(responseCode = "409", description = "The booking was already cancelled")
    public BookingResponse cancel(@PathParam("bookingId") UUID bookingId, @NotNull @Valid CancellationRequest request) {
        return BookingResponse.of(bookings.cancel(bookingId, request.reason().strip()));
    }

    private static int orZero(Integer minutes) {
        return minutes == null ? 0 : minutes;
    }
}
