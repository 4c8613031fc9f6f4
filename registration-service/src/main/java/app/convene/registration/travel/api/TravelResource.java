package app.convene.registration.travel.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.audit.AuditedChanges;
import app.convene.backbone.revalidation.EntityTags;
import app.convene.backbone.revalidation.Revalidated;
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
    @Inject
    ObjectMapper json;

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
    @APIResponse(responseCode = "412", description = EntityTags.PRECONDITION_FAILED + " (e.g. the attendee changed "
            + "their travel since an organiser read it; or none is given yet)")
    public TravelResponse set(@PathParam("eventId") UUID eventId, @PathParam("registrationId") UUID registrationId,
            @Parameter(description = EntityTags.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid TravelRequest request) {
        return TravelResponse.from(travel.put(eventId, registrationId, request.toArrangement(),
                current -> EntityTags.requireCurrent(ifMatch,
                        () -> current.map(given -> EntityTags.of(json, TravelResponse.from(given))).orElse(null))));
    }

    @GET
    @Path("/registrations/{registrationId}/travel")
    @RolesAllowed({ Roles.ORGANIZER, Roles.ATTENDEE })
    @Operation(operationId = "getTravelArrangement", summary = "A registration's travel and accommodation",
            description = "For the attendee it belongs to and the event's owner, co-organizers and delegates.")
    @APIResponse(responseCode = "200", description = "The arrangement; its ETag names this state (send it as "
            + "If-Match to replace exactly what was read)",
            content = @Content(schema = @Schema(implementation = TravelResponse.class)))
    @APIResponse(responseCode = "304", description = Revalidated.NOT_MODIFIED)
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE + "; no such registration (or not yours), or "
            + "none given for it")
    public Response get(@PathParam("eventId") UUID eventId, @PathParam("registrationId") UUID registrationId,
            @Parameter(description = EntityTags.IF_NONE_MATCH) @HeaderParam(HttpHeaders.IF_NONE_MATCH)
            String ifNoneMatch) {
        TravelResponse arrangement = TravelResponse.from(travel.get(eventId, registrationId));
        return EntityTags.read(ifNoneMatch, EntityTags.of(json, arrangement), () -> arrangement);
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
