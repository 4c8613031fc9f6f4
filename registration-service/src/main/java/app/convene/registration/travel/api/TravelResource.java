package app.convene.registration.travel.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.audit.AuditedChanges;
import app.convene.backbone.security.Roles;
import app.convene.registration.travel.service.TravelArrangements;

@Path("/api/events/{eventId}")
@Tag(name = "Travel and accommodation")
@Produces(MediaType.APPLICATION_JSON)
@AuditedChanges
public class TravelResource {
    static final String NOT_VISIBLE = "No such event in your organisation, or not visible to you";
    static final String NOT_MEMBER = "Only the event's owner, co-organizers and delegates may do this";

    @Inject
    TravelArrangements travel;

    @PUT
    @Path("/registrations/{registrationId}/travel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ORGANIZER, Roles.ATTENDEE })
    @Operation(operationId = "setTravelArrangement", summary = "Give a registration's travel and accommodation",
            description = "Replaces what was given: arrival and departure, travel mode, hotel nights (check-in to "
                    + "check-out), accessibility and dietary needs. The attendee for their own registration, or the "
                    + "event's owner, co-organizers and delegates. When the event's figures move, "
                    + "registration.travel-needs-changed.v1 announces them (figures only, nobody named) in the same "
                    + "transaction. Repeating the same request changes nothing.")
    @APIResponse(responseCode = "200", description = "The arrangement as given",
            content = @Content(schema = @Schema(implementation = TravelResponse.class)))
    @APIResponse(responseCode = "400", description = "A field is not valid: the problem names it and the rule "
            + "(e.g. departureAt not after arrivalAt, hotel nights not around the event, an unknown travel mode)")
    @APIResponse(responseCode = "403", description = "An organizer who is not the event's owner, co-organizer or "
            + "delegate")
    @APIResponse(responseCode = "404", description = NOT_VISIBLE + "; no such registration (or not yours)")
    @APIResponse(responseCode = "409", description = "The registration or the event is cancelled")
    public TravelResponse set(@PathParam("eventId") UUID eventId, @PathParam("registrationId") UUID registrationId,
            @NotNull @Valid TravelRequest request) {
        return TravelResponse.from(travel.put(eventId, registrationId, request.toArrangement()));
    }

    @GET
    @Path("/registrations/{registrationId}/travel")
    @RolesAllowed({ Roles.ORGANIZER, Roles.ATTENDEE })
    @Operation(operationId = "getTravelArrangement", summary = "A registration's travel and accommodation",
            description = "For the attendee it belongs to and the event's owner, co-organizers and delegates.")
    @APIResponse(responseCode = "200", description = "The arrangement",
            content = @Content(schema = @Schema(implementation = TravelResponse.class)))
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE + "; no such registration (or not yours), or "
            + "none given for it")
    public TravelResponse get(@PathParam("eventId") UUID eventId, @PathParam("registrationId") UUID registrationId) {
        return TravelResponse.from(travel.get(eventId, registrationId));
    }

    @GET
    @Path("/travel-summary")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "getTravelSummary", summary = "An event's travel and accommodation figures",
            description = "The event's owner, co-organizers and delegates: hotel rooms per night, travellers per "
                    + "mode, dietary counts, how many need accessibility support, and arrivals per hour in the "
                    + "event's time zone, over its confirmed attendees (cancelled and waiting ones do not count).")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(schema = @Schema(implementation = TravelSummaryResponse.class)))
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    public TravelSummaryResponse summary(@PathParam("eventId") UUID eventId) {
        return TravelSummaryResponse.from(travel.summary(eventId));
    }
}
