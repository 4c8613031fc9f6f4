package app.convene.budget.api;

import java.util.List;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.audit.AuditedChanges;
import app.convene.backbone.security.Roles;
import app.convene.budget.service.ExchangeRates;

@Path("/api/exchange-rates")
@Tag(name = "Exchange rates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@AuditedChanges
public class ExchangeRateResource {
    @Inject
    ExchangeRates rates;

    @PUT
    @Path("/{base}/{quote}")
    @RolesAllowed(Roles.FINANCE)
    @Operation(operationId = "setExchangeRate", summary = "Set your organisation's rate from one currency into another",
            description = "Each organisation sets its own rates; they convert only its own budgets. Used to estimate "
                    + "uncommitted lines in another currency; a line's first commitment locks the rate of that "
                    + "moment.")
    @APIResponse(responseCode = "200", description = "The rate",
            content = @Content(schema = @Schema(implementation = RateResponse.class)))
    @APIResponse(responseCode = "400", description = "base or quote is not an ISO 4217 currency, or they are equal")
    public RateResponse set(@PathParam("base") String base, @PathParam("quote") String quote,
            @NotNull @Valid RateRequest request) {
        return RateResponse.of(rates.set(base, quote, request.rate()));
    }

    @GET
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE })
    @Operation(operationId = "listExchangeRates", summary = "Your organisation's current rates",
            description = "Organizers and finance staff. The rates your organisation set, one per pair of "
                    + "currencies, as last set.")
    @APIResponse(responseCode = "200", description = "Every rate your organisation gave",
            content = @Content(schema = @Schema(implementation = RateResponse.class, type = SchemaType.ARRAY)))
    public List<RateResponse> all() {
        return rates.all().stream().map(RateResponse::of).toList();
    }
}
