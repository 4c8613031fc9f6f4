package app.convene.budget.api;

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
import app.convene.budget.service.TravelCosts;

@Path("/api/events/{eventId}/budget/travel-rates")
@Tag(name = "Travel and accommodation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@AuditedChanges
public class TravelRatesResource {
    @Inject
    TravelCosts travel;

    @PUT
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE })
    @Operation(operationId = "setTravelRates", summary = "Set the rates of the event's travel and accommodation",
            description = "The event's owner, co-organizers and delegates, or finance. With the figures "
                    + "registration-service announces (registration.travel-needs-changed.v1), they make one "
                    + "ACCOMMODATION line (room nights × nightlyRate) and one TRAVEL line (travellers per mode × "
                    + "that mode's rate), repriced and reforecast whenever rates or figures change. Rates set before "
                    + "any figures wait for them. Repeating the same rates changes nothing. With If-Match (the ETag "
                    + "of getTravelRates), set only while the rates and the figures they price are what was read.")
    @APIResponse(responseCode = "200", description = "The rates and the figures they priced",
            content = @Content(schema = @Schema(implementation = TravelRatesResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule: a negative rate, more decimals than "
            + "the currency has, an unknown currency or a malformed GL account")
    @APIResponse(responseCode = "403", description = Descriptions.NOT_MEMBER)
    @APIResponse(responseCode = "404", description = Descriptions.BUDGET_NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "budget-under-review: the budget is submitted for approval; "
            + "line-currency-fixed: the lines are priced in another currency; exchange-rate-missing: no rate from "
            + "the rates' currency into the budget's")
    @APIResponse(responseCode = "412", description = EntityTags.PRECONDITION_FAILED + " (or none were set yet)")
    public TravelRatesResponse set(@PathParam("eventId") UUID eventId,
            @Parameter(description = EntityTags.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid TravelRatesRequest request) {
        return TravelRatesResponse.of(travel.set(eventId, request.rates(), ifMatch));
    }

    @GET
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE })
    @Operation(operationId = "getTravelRates", summary = "The rates of the event's travel and accommodation",
            description = "With the room nights and travellers per mode last announced, which they price. For those "
                    + "who may read the budget. Its ETag names the rates and figures as answered: send it as If-Match "
                    + "to change exactly what was read.")
    @APIResponse(responseCode = "200", description = "The rates and the figures they price",
            content = @Content(schema = @Schema(implementation = TravelRatesResponse.class)))
    @APIResponse(responseCode = "304", description = Revalidated.NOT_MODIFIED)
    @APIResponse(responseCode = "404", description = Descriptions.BUDGET_NOT_VISIBLE + "; or no travel rates set")
    public Response get(@PathParam("eventId") UUID eventId,
            @Parameter(description = EntityTags.IF_NONE_MATCH) @HeaderParam(HttpHeaders.IF_NONE_MATCH)
            String ifNoneMatch) {
        TravelCosts.RatesView view = travel.get(eventId);
        return EntityTags.read(ifNoneMatch, travel.tag(view), () -> TravelRatesResponse.of(view));
    }
}
