package app.convene.venue.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import app.convene.backbone.audit.AuditedChanges;
import app.convene.backbone.idempotency.IdempotentRequests;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.venue.service.Closures;

/** Closures of a venue or of one of its rooms: facility closes and reopens, staff of the organisation read. */
@Path("/api/venues/{venueId}/closures")
@Tag(name = "Venue closures")
@Produces(MediaType.APPLICATION_JSON)
@AuditedChanges
public class VenueClosureResource {
    @Inject
    Closures closures;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller callers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FACILITY)
    @Operation(operationId = "createVenueClosure", summary = "Close the venue, or one room of it, for a period; "
            + "announces venue.venue-notice.v1 (kind CLOSURE) to subscribed partners",
            description = "Accepted also over confirmed bookings, which the answer lists: their events' room-booked "
                    + "readiness check is not met (\"venue closed <from>–<until>: <reason>\") until the closure is "
                    + "withdrawn or the booking moved. New bookings overlapping it are refused.")
    @APIResponse(responseCode = "201", description = "The closure with the confirmed bookings it overlaps, at the "
            + "Location header", content = @Content(schema = @Schema(implementation = VenueClosureResponse.class)))
    @APIResponse(responseCode = "400", description = "from or until missing or not an instant, until not after from "
            + "or not in the future, a closure longer than 3 years, reason missing, blank or longer than 500")
    @APIResponse(responseCode = "404", description = Descriptions.NO_VENUE)
    @APIResponse(responseCode = "409", description = "venue-retired: the venue was retired")
    @APIResponse(responseCode = "422", description = "roomId is not a room of this venue (problem room-not-of-venue), "
            + "or the Idempotency-Key was first used with a different request")
    public Response close(@PathParam("venueId") UUID venueId, @NotNull @Valid VenueClosureRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        String caller = callers.subject();
        return idempotent.execute(callers.name(), idempotencyKey, List.of("venue-closure", venueId, request), () -> {
            Closures.Closure closure = closures.close(venueId, request.terms(), caller);
            return Response.created(URI.create("/api/venues/" + venueId + "/closures/" + closure.closure().id))
                    .entity(VenueClosureResponse.from(closure)).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.FACILITY, Roles.ORGANIZER, Roles.FINANCE })
    @Operation(operationId = "listVenueClosures", summary = "The venue's current and upcoming closures, by start",
            description = "Closures still running at `from` (default: now) and starting before `to` (default: "
                    + "unbounded), each with the confirmed bookings it overlaps.")
    @APIResponse(responseCode = "200", description = "The closures",
            content = @Content(schema = @Schema(implementation = VenueClosureResponse[].class)))
    @APIResponse(responseCode = "400", description = "from or to is not an ISO-8601 instant, or to is not after from")
    @APIResponse(responseCode = "404", description = Descriptions.NO_VENUE)
    public List<VenueClosureResponse> list(@PathParam("venueId") UUID venueId,
            @Parameter(description = "Closures ending after this instant; default now")
            @QueryParam("from") Instant from,
            @Parameter(description = "Closures starting before this instant; default unbounded")
            @QueryParam("to") Instant to,
            @Parameter(description = "Also the withdrawn ones") @QueryParam("withdrawn") @DefaultValue("false")
            boolean withdrawn) {
        return closures.closures(venueId, from, to, withdrawn).stream()
                .map(VenueClosureResponse::from).toList();
    }

    @GET
    @Path("/{closureId}")
    @RolesAllowed({ Roles.FACILITY, Roles.ORGANIZER, Roles.FINANCE })
    @Operation(operationId = "getVenueClosure", summary = "One closure of the venue",
            description = "Where a new closure's Location points; as the list shows it (the confirmed bookings it "
                    + "overlaps while active, their events only where the caller may see them), withdrawn ones too.")
    @APIResponse(responseCode = "200", description = "The closure",
            content = @Content(schema = @Schema(implementation = VenueClosureResponse.class)))
    @APIResponse(responseCode = "404", description = "No such venue, or closure of it, in your organisation, or not "
            + "visible to you")
    public VenueClosureResponse get(@PathParam("venueId") UUID venueId, @PathParam("closureId") UUID closureId) {
        return VenueClosureResponse.from(closures.closure(venueId, closureId));
    }

    @DELETE
    @Path("/{closureId}")
    @RolesAllowed(Roles.FACILITY)
    @Operation(operationId = "withdrawVenueClosure", summary = "Reopen: withdraw the closure (kept as WITHDRAWN); "
            + "announces venue.venue-notice.v1 (kind CLOSURE_WITHDRAWN) to subscribed partners",
            description = "The bookings it overlapped get their room-booked check back (unless another closure "
                    + "holds them). Withdrawing a withdrawn closure answers it again and announces nothing.")
    @APIResponse(responseCode = "200", description = "The withdrawn closure",
            content = @Content(schema = @Schema(implementation = VenueClosureResponse.class)))
    @APIResponse(responseCode = "404", description = "No such venue, or closure of it, in your organisation, or not "
            + "visible to you")
    public VenueClosureResponse withdraw(@PathParam("venueId") UUID venueId,
            @PathParam("closureId") UUID closureId) {
        return VenueClosureResponse.from(closures.withdraw(venueId, closureId, callers.subject()));
    }
}
