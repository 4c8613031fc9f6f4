package app.convene.budget.api;

import java.util.List;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.audit.AuditedChanges;
import app.convene.backbone.revalidation.EntityTags;
import app.convene.backbone.revalidation.Revalidated;
import app.convene.backbone.security.Roles;
import app.convene.budget.domain.ExchangeRate;
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
                    + "moment. With If-Match (the ETag of getExchangeRate), set only while the rate is still what "
                    + "was read.")
    @APIResponse(responseCode = "200", description = "The rate",
            content = @Content(schema = @Schema(implementation = RateResponse.class)))
    @APIResponse(responseCode = "400", description = "base or quote is not an ISO 4217 currency, or they are equal")
    @APIResponse(responseCode = "412", description = EntityTags.PRECONDITION_FAILED + " (or none was set yet)")
    public RateResponse set(@PathParam("base") String base, @PathParam("quote") String quote,
            @Parameter(description = EntityTags.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid RateRequest request) {
        return RateResponse.of(rates.set(base, quote, request.rate(), ifMatch));
    }

    @GET
    @Path("/{base}/{quote}")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE })
    @Operation(operationId = "getExchangeRate", summary = "Your organisation's rate from one currency into another",
            description = "Organizers and finance staff. As last set; its ETag names the rate as answered: send it "
                    + "as If-Match to setExchangeRate to replace exactly what was read.")
    @APIResponse(responseCode = "200", description = "The rate",
            content = @Content(schema = @Schema(implementation = RateResponse.class)))
    @APIResponse(responseCode = "304", description = Revalidated.NOT_MODIFIED)
    @APIResponse(responseCode = "400", description = "base or quote is not an ISO 4217 currency")
    @APIResponse(responseCode = "404", description = "Your organisation set no rate from base into quote")
    public Response get(@PathParam("base") String base, @PathParam("quote") String quote,
            @Parameter(description = EntityTags.IF_NONE_MATCH) @HeaderParam(HttpHeaders.IF_NONE_MATCH)
            String ifNoneMatch) {
        ExchangeRate rate = rates.one(base, quote);
        return EntityTags.read(ifNoneMatch, rates.tag(rate), () -> RateResponse.of(rate));
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
