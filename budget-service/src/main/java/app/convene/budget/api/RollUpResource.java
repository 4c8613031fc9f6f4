package app.convene.budget.api;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.security.Roles;
import app.convene.budget.service.RollUps;

@Path("/api")
@Tag(name = "Roll-up")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RollUpResource {
    @Inject
    RollUps rollUps;

    @PUT
    @Path("/departments/{department}/allowances/{period}")
    @RolesAllowed(Roles.FINANCE)
    @Operation(operationId = "setDepartmentAllowance", summary = "Set a department's allowance for a period",
            description = "A department of your organisation (each organisation sets its own allowances). A month "
                    + "(2027-03), quarter (2027-Q1) or year (2027). Replaces an allowance set before. The roll-up of "
                    + "that exact period compares the department's budgets with it.")
    @APIResponse(responseCode = "201", description = "Set for the first time",
            content = @Content(schema = @Schema(implementation = AllowanceResponse.class)))
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(schema = @Schema(implementation = AllowanceResponse.class)))
    @APIResponse(responseCode = "400", description = "period is not YYYY-MM, YYYY-Qn or YYYY; department is blank or "
            + "too long; amount negative or with more decimals than the currency has; currency unknown")
    public Response setAllowance(
            @Parameter(description = "As on the budgets, e.g. Sales") @PathParam("department") String department,
            @Parameter(description = Descriptions.REPORTING_PERIOD) @PathParam("period") String period,
            @NotNull @Valid AllowanceRequest request) {
        RollUps.AllowanceSet set = rollUps.setAllowance(department, period, request.amount(), request.currency());
        AllowanceResponse body = AllowanceResponse.of(set.allowance());
        return set.created()
                ? Response.created(URI.create("/api/departments/"
                        + URLEncoder.encode(department, StandardCharsets.UTF_8).replace("+", "%20")
                        + "/allowances/" + body.period())).entity(body).build()
                : Response.ok(body).build();
    }

    @GET
    @Path("/roll-up")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE })
    @Operation(operationId = "getRollUp",
            summary = "Event budgets per department for a period, against the department's allowance",
            description = "Your organisation's departments, and of its budgets only those you may see (not "
                    + "confidential, or you are the event's owner, a co-organizer or a delegate; finance sees every "
                    + "budget of the organisation). An event counts in the period its start falls in (its local "
                    + "date). Each department is reported in its allowance's currency; budgets in other currencies "
                    + "are converted at your organisation's rates given through "
                    + "PUT /api/exchange-rates/{budget currency}/{allowance currency}.")
    @APIResponse(responseCode = "200", description = "The roll-up, departments in alphabetical order",
            content = @Content(schema = @Schema(implementation = RollUpResponse.class)))
    @APIResponse(responseCode = "400", description = "period is missing or not YYYY-MM, YYYY-Qn or YYYY; currency "
            + "is not an ISO 4217 code")
    @APIResponse(responseCode = "409", description = "exchange-rate-missing: a budget's currency has no rate into "
            + "the department's currency; the detail names the pair")
    public RollUpResponse rollUp(
            @Parameter(description = Descriptions.REPORTING_PERIOD, required = true) @QueryParam("period") String period,
            @Parameter(description = "Currency for departments without an allowance; budget.default-currency when "
                    + "omitted") @QueryParam("currency") String currency) {
        return RollUpResponse.of(rollUps.rollUp(period, currency));
    }
}
