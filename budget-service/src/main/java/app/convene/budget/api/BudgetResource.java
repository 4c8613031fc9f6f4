package app.convene.budget.api;

import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import app.convene.backbone.security.Roles;
import app.convene.budget.api.Views.BudgetResponse;
import app.convene.budget.service.Approvals;
import app.convene.budget.service.Budgets;

@Path("/api/events/{eventId}/budget")
@Tag(name = "Budgets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BudgetResource {
    @Inject
    Budgets budgets;
    @Inject
    Approvals approvals;

    @Schema(description = "Budget settings; omitted fields keep their value (a new budget starts in EUR, show-up "
            + "rate 1, tolerance 5 %)")
    public record BudgetSettingsRequest(
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like EUR")
            @Schema(description = "Fixed once the budget has lines", examples = "EUR") String currency,
            @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
            @Schema(examples = "Sales") String department,
            @Size(min = 1, max = 50) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
            @Schema(examples = "CC-4100") String costCentre,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @Digits(integer = 1, fraction = 4)
            @Schema(description = "Expected share of confirmed people who show up", examples = "0.85")
            BigDecimal showUpRate,
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
            @Schema(description = "How far (percent) the forecast may exceed the approved total before the budget "
                    + "needs approval again", examples = "5") BigDecimal tolerancePercent) {
    }

    public record RejectionRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    @GET
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE })
    @Operation(summary = "The event's budget: lines, totals, headcount, variance, status",
            description = "For organizers and finance who see the event (not confidential, or they are its owner, a "
                    + "co-organizer or a delegate); finance also sees the budgets of confidential events.")
    @APIResponse(responseCode = "200", description = "The budget",
            content = @Content(schema = @Schema(implementation = BudgetResponse.class)))
    @APIResponse(responseCode = "404", description = AccessAnswers.BUDGET_NOT_VISIBLE)
    public BudgetResponse get(@PathParam("eventId") UUID eventId) {
        return BudgetResponse.of(budgets.view(eventId));
    }

    @PUT
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE })
    @Operation(summary = "Create the budget, or change its settings",
            description = "Creates a draft budget (announcing budget.created.v1) if the event has none yet, else "
                    + "changes the settings of the existing one. A new show-up rate reforecasts per-attendee lines. "
                    + "Changing showUpRate or tolerancePercent of a budget that is APPROVED, REAPPROVAL_REQUIRED or "
                    + "SUBMITTED sends it (back) to finance: it becomes SUBMITTED, as a submission of the caller's "
                    + "(announced as budget.submitted.v1), and another member of finance must approve it again. "
                    + "For the event's owner, co-organizers and delegates, and finance.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = BudgetResponse.class)))
    @APIResponse(responseCode = "200", description = "Settings changed (status SUBMITTED when the change needs "
            + "approval again)",
            content = @Content(schema = @Schema(implementation = BudgetResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule (e.g. an unknown currency)")
    @APIResponse(responseCode = "403", description = AccessAnswers.NOT_MEMBER)
    @APIResponse(responseCode = "404", description = AccessAnswers.NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "currency-fixed: the currency cannot change once there are lines")
    public Response configure(@PathParam("eventId") UUID eventId, @NotNull @Valid BudgetSettingsRequest request) {
        Budgets.Configured configured = budgets.configure(eventId, new Budgets.Settings(
                request.currency(), request.department(), request.costCentre(), request.showUpRate(),
                request.tolerancePercent()));
        BudgetResponse body = BudgetResponse.of(budgets.view(eventId));
        return configured.created()
                ? Response.created(URI.create("/api/events/" + eventId + "/budget")).entity(body).build()
                : Response.ok(body).build();
    }

    @POST
    @Path("/submission")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE })
    @Operation(summary = "Submit the budget for approval", description = "Announces budget.submitted.v1. For the "
            + "event's owner, co-organizers and delegates, and finance.")
    @APIResponse(responseCode = "200", description = "Submitted",
            content = @Content(schema = @Schema(implementation = BudgetResponse.class)))
    @APIResponse(responseCode = "403", description = AccessAnswers.NOT_MEMBER)
    @APIResponse(responseCode = "404", description = AccessAnswers.BUDGET_NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "budget-not-submittable (already submitted or approved) or "
            + "budget-incomplete (no department, cost centre or line)")
    public BudgetResponse submit(@PathParam("eventId") UUID eventId) {
        approvals.submit(eventId);
        return BudgetResponse.of(budgets.view(eventId));
    }

    @POST
    @Path("/approval")
    @RolesAllowed(Roles.FINANCE)
    @Operation(summary = "Approve the submitted budget",
            description = "Its forecast becomes the approved total (the baseline). Announces budget.approved.v1.")
    @APIResponse(responseCode = "200", description = "Approved",
            content = @Content(schema = @Schema(implementation = BudgetResponse.class)))
    @APIResponse(responseCode = "403", description = "own-submission: nobody approves their own submission; or the "
            + "caller is not finance")
    @APIResponse(responseCode = "404", description = AccessAnswers.BUDGET_NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "budget-not-submitted: the budget is not awaiting a decision")
    public BudgetResponse approve(@PathParam("eventId") UUID eventId) {
        approvals.approve(eventId);
        return BudgetResponse.of(budgets.view(eventId));
    }

    @POST
    @Path("/rejection")
    @RolesAllowed(Roles.FINANCE)
    @Operation(summary = "Reject the submitted budget", description = "Announces budget.rejected.v1.")
    @APIResponse(responseCode = "200", description = "Rejected",
            content = @Content(schema = @Schema(implementation = BudgetResponse.class)))
    @APIResponse(responseCode = "400", description = "reason is missing or too long")
    @APIResponse(responseCode = "403", description = "own-submission: nobody rejects their own submission; or the "
            + "caller is not finance")
    @APIResponse(responseCode = "404", description = AccessAnswers.BUDGET_NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "budget-not-submitted: the budget is not awaiting a decision")
    public BudgetResponse reject(@PathParam("eventId") UUID eventId, @NotNull @Valid RejectionRequest request) {
        approvals.reject(eventId, request.reason());
        return BudgetResponse.of(budgets.view(eventId));
    }
}
