package app.convene.budget.api;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

    public record AllowanceRequest(
            @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4)
            @Schema(description = "At most the currency's decimals", examples = "250000.00") BigDecimal amount,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like EUR")
            @Schema(description = "The department's figures for the period are rolled up in this currency",
                    examples = "EUR") String currency) {
    }

    public record AllowanceResponse(String department, String period, BigDecimal amount, String currency,
            Instant setAt, String setBy) {
    }

    @Schema(description = "A department's event budgets of the period against its allowance, all in `currency`")
    public record DepartmentResponse(String department,
            @Schema(description = "The allowance's currency, or the requested/default one without an allowance")
            String currency,
            @Schema(description = "null when no allowance was set for this period") BigDecimal allowance,
            @Schema(description = "Budgets of events starting in the period") int budgets,
            @Schema(description = "Of which have an approved baseline") int approvedBudgets,
            @Schema(description = "Sum of the approved totals (baselines)") BigDecimal approvedTotal,
            @Schema(description = "Sum of the budgets' current forecast totals") BigDecimal forecastTotal,
            @Schema(description = "Sum of the invoiced (actual) totals") BigDecimal actualTotal,
            @Schema(description = "allowance − forecast total; null without an allowance") BigDecimal remaining,
            @Schema(description = "OVER when the forecast exceeds the allowance, else UNDER; null without an "
                    + "allowance") String overUnder) {
    }

    public record RollUpResponse(String period,
            @Schema(description = "First day of the period") LocalDate from,
            @Schema(description = "Last day of the period") LocalDate to,
            List<DepartmentResponse> departments) {
    }

    @PUT
    @Path("/departments/{department}/allowances/{period}")
    @RolesAllowed(Roles.FINANCE)
    @Operation(summary = "Set a department's allowance for a period",
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
            @Parameter(description = "2027-03, 2027-Q1 or 2027") @PathParam("period") String period,
            @NotNull @Valid AllowanceRequest request) {
        RollUps.AllowanceSet set = rollUps.setAllowance(department, period, request.amount(), request.currency());
        RollUps.Allowance a = set.allowance();
        AllowanceResponse body = new AllowanceResponse(a.department(), a.period(), a.amount(), a.currency(),
                a.setAt(), a.setBy());
        return set.created()
                ? Response.created(URI.create("/api/departments/"
                        + URLEncoder.encode(department, StandardCharsets.UTF_8).replace("+", "%20")
                        + "/allowances/" + a.period())).entity(body).build()
                : Response.ok(body).build();
    }

    @GET
    @Path("/roll-up")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE })
    @Operation(summary = "Event budgets per department for a period, against the department's allowance",
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
            @Parameter(description = "2027-03, 2027-Q1 or 2027", required = true) @QueryParam("period") String period,
            @Parameter(description = "Currency for departments without an allowance; budget.default-currency when "
                    + "omitted") @QueryParam("currency") String currency) {
        RollUps.RollUp rollUp = rollUps.rollUp(period, currency);
        return new RollUpResponse(rollUp.period().key(), rollUp.period().start(), rollUp.period().last(),
                rollUp.departments().stream().map(d -> new DepartmentResponse(d.department(), d.currency(),
                        d.allowance(), d.budgets(), d.approvedBudgets(), d.approvedTotal(), d.forecastTotal(),
                        d.actualTotal(), d.remaining(), d.overUnder())).toList());
    }
}
