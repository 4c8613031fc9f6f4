package app.convene.venue.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import app.convene.backbone.audit.AuditedChanges;
import app.convene.backbone.idempotency.IdempotentRequests;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.venue.domain.PartnerContact;
import app.convene.venue.domain.Room;
import app.convene.venue.domain.Venue;
import app.convene.venue.service.Venues;

@Path("/api")
@Tag(name = "Venues")
@Produces(MediaType.APPLICATION_JSON)
@AuditedChanges
public class VenueResource {
    @Inject
    Venues venues;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;

    @POST
    @Path("/venues")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FACILITY)
    @Operation(operationId = "registerVenue",
            summary = "Register a venue of your organisation (venues are not shared between organisations)",
            description = "Facility staff only. The venue belongs to your organisation; rooms and partner contacts "
                    + "are added to it afterwards.")
    @APIResponse(responseCode = "201", description = "The venue, at the Location header",
            content = @Content(schema = @Schema(implementation = VenueResponse.class)))
    @APIResponse(responseCode = "409", description = "Your organisation already has a venue of that name in that city")
    public Response register(@NotNull @Valid VenueRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("register-venue", request), () -> {
            Venue venue = venues.register(request.name().strip(), request.address().address());
            return Response.created(URI.create("/api/venues/" + venue.id)).entity(VenueResponse.from(venue)).build();
        });
    }

    @GET
    @Path("/venues")
    @RolesAllowed({ Roles.FACILITY, Roles.ORGANIZER, Roles.FINANCE })
    @Operation(operationId = "listVenues",
            summary = "The venues of your organisation with their rooms and partner contacts, by name and city",
            description = "Facility staff, organizers and finance staff; only your organisation's venues. With `q`, "
                    + "only the venues whose name or city contains it (ignoring case), as a venue picker asks. A page "
                    + "at a time: pass `next` as `after` (with the same `q`) until it is null.")
    @APIResponse(responseCode = "200", description = "A page of the venues, by name and city",
            content = @Content(schema = @Schema(implementation = VenuePage.class)))
    @APIResponse(responseCode = "400", description = "`q` is blank or longer than 100 characters, `after` is not a "
            + "venue of your organisation, or `limit` is out of range")
    public VenuePage list(
            @Parameter(description = "Only venues whose name or city contains this, ignoring case")
            @QueryParam("q") @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
            String q,
            @Parameter(description = "The previous page's `next`") @QueryParam("after") UUID after,
            @Parameter(description = "Page size, 1 to 500") @QueryParam("limit") @DefaultValue("100") @Min(1)
            @Max(Venues.MAX_PAGE) int limit) {
        Venues.Page page = venues.venues(q == null ? null : q.strip(), after, limit);
        return new VenuePage(page.venues().stream().map(VenueResponse::from).toList(), page.next());
    }

    /** A page of venues. */
    public record VenuePage(@Schema(required = true, description = "The venues, by name and city, each with its "
            + "rooms and partner contacts") List<VenueResponse> venues,
            @Schema(description = "Pass as `after` for the next page; null on the last page") UUID next) {
    }

    @GET
    @Path("/venues/{venueId}")
    @RolesAllowed({ Roles.FACILITY, Roles.ORGANIZER, Roles.FINANCE })
    @Operation(operationId = "getVenue", summary = "A venue with its rooms and partner contacts",
            description = "Facility staff, organizers and finance staff; another organisation's venue is a 404.")
    @APIResponse(responseCode = "200", description = "The venue",
            content = @Content(schema = @Schema(implementation = VenueResponse.class)))
    @APIResponse(responseCode = "404", description = Descriptions.NO_VENUE)
    public VenueResponse get(@PathParam("venueId") UUID venueId) {
        return VenueResponse.from(venues.venue(venueId));
    }

    @PATCH
    @Path("/venues/{venueId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FACILITY)
    @Operation(operationId = "changeVenue", summary = "Rename a venue or correct its address",
            description = "Facility staff only. Only the fields present change (a field sent as null keeps its "
            + "value); an address given replaces the venue's whole. A new name reaches every confirmed booking of "
            + "the venue's rooms whose event is not over (venue.booked-room-changed.v1), so briefings name the venue "
            + "as it is now.")
    @APIResponse(responseCode = "200", description = "The venue as changed",
            content = @Content(schema = @Schema(implementation = VenueResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule (a blank name, a country that is no "
            + "ISO 3166 alpha-2 code, an address without its street or city)")
    @APIResponse(responseCode = "404", description = Descriptions.NO_VENUE)
    @APIResponse(responseCode = "409", description = "Your organisation already has a venue of that name in that city "
            + "(venue-exists), or the venue was retired (venue-retired)")
    public VenueResponse change(@PathParam("venueId") UUID venueId, @NotNull @Valid ChangeVenueRequest request) {
        return VenueResponse.from(venues.changeVenue(venueId, request.name() == null ? null : request.name().strip(),
                request.address() == null ? null : request.address().address()));
    }

    @DELETE
    @Path("/venues/{venueId}")
    @RolesAllowed(Roles.FACILITY)
    @Operation(operationId = "retireVenue", summary = "Retire a venue the organisation no longer uses, with its rooms",
            description = "Facility staff only. The venue is no longer listed (`GET /api/venues`), changed, given "
                    + "rooms, partner contacts or closures, and none of its rooms is bookable or chosen for a moved "
                    + "booking; `GET /api/venues/{venueId}` and `GET /api/rooms/{roomId}` still answer them, with "
                    + "`retiredAt`, for the bookings, checklists and closures that refer to them, and another venue "
                    + "may take its name in its city. Refused while a confirmed booking of any of its rooms has its "
                    + "teardown still ahead: move those to another venue or cancel them first. Retiring a retired "
                    + "venue answers it again.")
    @APIResponse(responseCode = "200", description = "The retired venue (its rooms retired with it, so none listed)",
            content = @Content(schema = @Schema(implementation = VenueResponse.class)))
    @APIResponse(responseCode = "404", description = Descriptions.NO_VENUE)
    @APIResponse(responseCode = "409", description = "venue-has-bookings: confirmed bookings of the venue's rooms are "
            + "still ahead (the detail names the rooms, says how many and when the first begins)")
    public VenueResponse retire(@PathParam("venueId") UUID venueId) {
        return VenueResponse.from(venues.retireVenue(venueId));
    }

    @POST
    @Path("/venues/{venueId}/rooms")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FACILITY)
    @Operation(operationId = "addRoom",
            summary = "Add a room with its capacities, safe occupancy, accessibility features and equipment",
            description = "Facility staff only. The room belongs to the venue, and so to your organisation.")
    @APIResponse(responseCode = "201", description = "The room, at the Location header",
            content = @Content(schema = @Schema(implementation = RoomResponse.class)))
    @APIResponse(responseCode = "404", description = Descriptions.NO_VENUE)
    @APIResponse(responseCode = "409", description = "The venue already has a room of that name (room-exists), or it "
            + "was retired (venue-retired)")
    public Response addRoom(@PathParam("venueId") UUID venueId, @NotNull @Valid RoomRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("add-room", venueId, request), () -> {
            Room room = venues.addRoom(venueId, request.terms());
            return Response.created(URI.create("/api/rooms/" + room.id)).entity(RoomResponse.from(room)).build();
        });
    }

    @GET
    @Path("/rooms/{roomId}")
    @RolesAllowed({ Roles.FACILITY, Roles.ORGANIZER, Roles.FINANCE })
    @Operation(operationId = "getRoom", summary = "A room",
            description = "Facility staff, organizers and finance staff of the organisation that owns the room.")
    @APIResponse(responseCode = "200", description = "The room",
            content = @Content(schema = @Schema(implementation = RoomResponse.class)))
    @APIResponse(responseCode = "404", description = Descriptions.NO_ROOM)
    public RoomResponse room(@PathParam("roomId") UUID roomId) {
        return RoomResponse.from(venues.room(roomId));
    }

    @PATCH
    @Path("/rooms/{roomId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FACILITY)
    @Operation(operationId = "changeRoom",
            summary = "Change a room: a new fire-safety assessment, capacities, name, accessibility features, equipment",
            description = "Facility staff only. Only the fields present change (a field sent as null keeps its "
            + "value; the lists given replace the room's). The safe occupancy stays at most the larger capacity. "
            + "Every confirmed booking of the room whose event is not over takes the change at once: its readiness "
            + "and safety are assessed again (safety-at-risk when more are expected than the room now holds), and "
            + "venue.booked-room-changed.v1 tells registration-service, which caps the event's seats at the new safe "
            + "occupancy, and notification-service.")
    @APIResponse(responseCode = "200", description = "The room as changed",
            content = @Content(schema = @Schema(implementation = RoomResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule (a safe occupancy above both "
            + "capacities, a blank name)")
    @APIResponse(responseCode = "404", description = Descriptions.NO_ROOM)
    @APIResponse(responseCode = "409", description = "The venue already has a room of that name (room-exists), or "
            + "the room was retired (room-retired)")
    public RoomResponse changeRoom(@PathParam("roomId") UUID roomId, @NotNull @Valid ChangeRoomRequest request) {
        return RoomResponse.from(venues.changeRoom(roomId, request.changes()));
    }

    @DELETE
    @Path("/rooms/{roomId}")
    @RolesAllowed(Roles.FACILITY)
    @Operation(operationId = "retireRoom", summary = "Retire a room the organisation no longer uses",
            description = "Facility staff only. The room is no longer listed with its venue, booked, changed or "
                    + "chosen for a moved booking; `GET /api/rooms/{roomId}` still answers it, with `retiredAt`, for "
                    + "the bookings and checklists that refer to it, and its name may be given to another room of the "
                    + "venue. Refused while a confirmed booking of it has its teardown still ahead: move those to "
                    + "another room or cancel them first. Retiring a retired room answers it again.")
    @APIResponse(responseCode = "200", description = "The retired room",
            content = @Content(schema = @Schema(implementation = RoomResponse.class)))
    @APIResponse(responseCode = "404", description = Descriptions.NO_ROOM)
    @APIResponse(responseCode = "409", description = "room-has-bookings: confirmed bookings of the room are still "
            + "ahead (the detail says how many and when the first begins)")
    public RoomResponse retireRoom(@PathParam("roomId") UUID roomId) {
        return RoomResponse.from(venues.retireRoom(roomId));
    }

    @POST
    @Path("/venues/{venueId}/partner-contacts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FACILITY)
    @Operation(operationId = "addPartnerContact",
            summary = "List a partner's contact person for the venue (the facility coordinator is their contact "
            + "point)",
            description = "Facility staff only. The partner's contact person (caterer, security, cleaning...) for "
                    + "this venue.")
    @APIResponse(responseCode = "201", description = "The partner contact",
            content = @Content(schema = @Schema(implementation = PartnerContactResponse.class)))
    @APIResponse(responseCode = "404", description = Descriptions.NO_VENUE)
    @APIResponse(responseCode = "409", description = "A contact with that e-mail is already listed for the venue "
            + "(partner-contact-exists), or the venue was retired (venue-retired)")
    public Response addPartnerContact(@PathParam("venueId") UUID venueId,
            @NotNull @Valid PartnerContactRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("add-partner-contact", venueId, request),
                () -> {
                    PartnerContact contact = venues.addPartnerContact(venueId, request.contact());
                    return Response.created(URI.create("/api/venues/" + venueId + "/partner-contacts/" + contact.id))
                            .entity(PartnerContactResponse.from(contact)).build();
                });
    }

    @GET
    @Path("/venues/{venueId}/partner-contacts/{contactId}")
    @RolesAllowed({ Roles.FACILITY, Roles.ORGANIZER, Roles.FINANCE })
    @Operation(operationId = "getPartnerContact", summary = "A partner's contact person for the venue",
            description = "Where a new contact's Location points. Who reads it as for the venue.")
    @APIResponse(responseCode = "200", description = "The partner contact",
            content = @Content(schema = @Schema(implementation = PartnerContactResponse.class)))
    @APIResponse(responseCode = "404", description = Descriptions.NO_VENUE + "; no such contact of this venue")
    public PartnerContactResponse partnerContact(@PathParam("venueId") UUID venueId,
            @PathParam("contactId") UUID contactId) {
        return PartnerContactResponse.from(venues.partnerContact(venueId, contactId));
    }

    @PATCH
    @Path("/venues/{venueId}/partner-contacts/{contactId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FACILITY)
    @Operation(operationId = "changePartnerContact", summary = "Change a partner's contact person",
            description = "Facility staff only. Only the fields present change (null keeps a value, an empty phone "
            + "clears it): name, role, e-mail, phone, language, and whether they want the venue's notices (false "
            + "stops them from the next notice on).")
    @APIResponse(responseCode = "200", description = "The partner contact as changed",
            content = @Content(schema = @Schema(implementation = PartnerContactResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule (named): a blank name or role, an "
            + "address or phone that is none, a language other than en, sv, nl or ro, an unknown field")
    @APIResponse(responseCode = "404", description = Descriptions.NO_VENUE + "; no such contact of this venue (or "
            + "taken off its list)")
    @APIResponse(responseCode = "409", description = "Another contact with that e-mail is listed for the venue "
            + "(partner-contact-exists)")
    public PartnerContactResponse changePartnerContact(@PathParam("venueId") UUID venueId,
            @PathParam("contactId") UUID contactId, @NotNull @Valid ChangePartnerContactRequest request) {
        return PartnerContactResponse.from(venues.changePartnerContact(venueId, contactId, request.changes()));
    }

    @DELETE
    @Path("/venues/{venueId}/partner-contacts/{contactId}")
    @RolesAllowed(Roles.FACILITY)
    @Operation(operationId = "removePartnerContact", summary = "Take a partner's contact person off the venue's list",
            description = "Facility staff only. The contact is no longer listed with the venue, written to about "
            + "its notices or issues, or chosen as who raised an issue; the issues they raised keep their name. "
            + "Their address may be listed again. Removing one already removed answers the same.")
    @APIResponse(responseCode = "204", description = "Taken off the list")
    @APIResponse(responseCode = "404", description = Descriptions.NO_VENUE + "; no such contact of this venue")
    public Response removePartnerContact(@PathParam("venueId") UUID venueId,
            @PathParam("contactId") UUID contactId) {
        venues.removePartnerContact(venueId, contactId);
        return Response.noContent().build();
    }
}
