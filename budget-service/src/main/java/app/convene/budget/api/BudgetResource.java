package app.convene.budget.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import app.convene.backbone.idempotency.IdempotentRequests;
import app.convene.backbone.revalidation.EntityTags;
import app.convene.backbone.revalidation.Revalidated;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.budget.service.Approvals;
import app.convene.budget.service.Budgets;

@Path("/api/events/{eventId}/budget")
@Tag(name = "Budgets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@AuditedChanges
public class BudgetResource {
    @Inject
    Budgets budgets;
    @Inject
    Approvals approvals;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;
    @Inject
    ObjectMapper json;

    /** The budget's strong tag: of its whole answer, so it changes with its settings, lines, figures or status. */
    private String tag(Budgets.BudgetView view) {
        return EntityTags.of(json, BudgetResponse.of(view));
    }

    @GET
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE })
    @Operation(operationId = "getBudget", summary = "The event's budget: lines, totals, headcount, variance, status",
            description = "For organizers and finance who see the event (not confidential, or they are its owner, a "
                    + "co-organizer or a delegate); finance also sees the budgets of confidential events. Its ETag "
                    + "names the budget as answered (any change of a setting, line, figure or status changes it): "
                    + "send it as If-Match to configureBudget to change the settings of exactly what was read.")
    @APIResponse(responseCode = "200", description = "The budget",
            content = @Content(schema = @Schema(implementation = BudgetResponse.class)))
    @APIResponse(responseCode = "304", description = Revalidated.NOT_MODIFIED)
    @APIResponse(responseCode = "404", description = Descriptions.BUDGET_NOT_VISIBLE)
    public Response get(@PathParam("eventId") UUID eventId,
            @Parameter(description = EntityTags.IF_NONE_MATCH) @HeaderParam(HttpHeaders.IF_NONE_MATCH)
            String ifNoneMatch) {
        Budgets.BudgetView view = budgets.view(eventId);
        BudgetResponse body = BudgetResponse.of(view);
        return EntityTags.read(ifNoneMatch, EntityTags.of(json, body), () -> body);
    }

    @GET
    @Path("/summary")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE })
    @Revalidated
    @Operation(operationId = "getBudgetSummary", summary = "The event's budget without its lines: totals, headcount, "
            + "variance, status, how many lines",
            description = "What GET .../budget answers, but the lines: for a budget with many lines, read them a page "
                    + "at a time with GET .../budget/lines. The totals are the same exact sums of the lines' rounded "
                    + "figures. Who may read it as for GET .../budget.")
    @APIResponse(responseCode = "200", description = "The budget without its lines",
            content = @Content(schema = @Schema(implementation = BudgetSummaryResponse.class)))
    @APIResponse(responseCode = "404", description = Descriptions.BUDGET_NOT_VISIBLE)
    @APIResponse(responseCode = "304", description = Revalidated.NOT_MODIFIED)
    public BudgetSummaryResponse summary(@PathParam("eventId") UUID eventId) {
        return BudgetSummaryResponse.of(budgets.summary(eventId));
    }

    @PUT
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE })
    @Operation(operationId = "configureBudget", summary = "Create the budget, or change its settings",
            description = "Creates a draft budget (announcing budget.created.v1) if the event has none yet, else "
                    + "changes the settings of the existing one. A new show-up rate reforecasts per-attendee lines. "
                    + "Changing showUpRate or tolerancePercent of a budget that is APPROVED, REAPPROVAL_REQUIRED or "
                    + "SUBMITTED sends it (back) to finance: it becomes SUBMITTED, as a submission of the caller's "
                    + "(announced as budget.submitted.v2), and another member of finance must approve it again. "
                    + "For the event's owner, co-organizers and delegates, and finance. With If-Match (the ETag of "
                    + "getBudget), the settings change only while the budget is still what was read; a budget not "
                    + "created yet matches none.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = BudgetResponse.class)))
    @APIResponse(responseCode = "200", description = "Settings changed (status SUBMITTED when the change needs "
            + "approval again)",
            content = @Content(schema = @Schema(implementation = BudgetResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule (e.g. an unknown currency)")
    @APIResponse(responseCode = "403", description = Descriptions.NOT_MEMBER)
    @APIResponse(responseCode = "404", description = Descriptions.NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "currency-fixed: the currency cannot change once there are lines")
    @APIResponse(responseCode = "412", description = EntityTags.PRECONDITION_FAILED + " (or there is no budget yet)")
    public Response configure(@PathParam("eventId") UUID eventId,
            @Parameter(description = EntityTags.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid BudgetSettingsRequest request) {
        Budgets.Configured configured = budgets.configure(eventId, request.settings(), ifMatch, this::tag);
        BudgetResponse body = BudgetResponse.of(configured.budget());
        return configured.created()
                ? Response.created(URI.create("/api/events/" + eventId + "/budget")).entity(body).build()
                : Response.ok(body).build();
    }

    @POST
    @Path("/submission")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE })
    @Operation(operationId = "submitBudget",
            summary = "Submit the budget for approval", description = "Announces budget.submitted.v2. For the "
            + "event's owner, co-organizers and delegates, and finance.")
    @APIResponse(responseCode = "200", description = "Submitted",
            content = @Content(schema = @Schema(implementation = BudgetResponse.class)))
    @APIResponse(responseCode = "403", description = Descriptions.NOT_MEMBER)
    @APIResponse(responseCode = "404", description = Descriptions.BUDGET_NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "budget-not-submittable (already submitted or approved) or "
            + "budget-incomplete (no department, cost centre or line)")
    public Response submit(@PathParam("eventId") UUID eventId,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("submit-budget", eventId),
                () -> Response.ok(BudgetResponse.of(approvals.submit(eventId))).build());
    }

    @POST
    @Path("/approval")
    @RolesAllowed(Roles.FINANCE)
    @Operation(operationId = "approveBudget", summary = "Approve the submitted budget",
            description = "Its forecast becomes the approved total (the baseline). Announces budget.approved.v2.")
    @APIResponse(responseCode = "200", description = "Approved",
            content = @Content(schema = @Schema(implementation = BudgetResponse.class)))
    @APIResponse(responseCode = "403", description = "own-submission: nobody approves their own submission; or the "
            + "caller is not finance")
    @APIResponse(responseCode = "404", description = Descriptions.BUDGET_NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "budget-not-submitted: the budget is not awaiting a decision")
    public Response approve(@PathParam("eventId") UUID eventId,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("approve-budget", eventId),
                () -> Response.ok(BudgetResponse.of(approvals.approve(eventId))).build());
    }

    @POST
    @Path("/rejection")
    @RolesAllowed(Roles.FINANCE)
    @Operation(operationId = "rejectBudget",
            summary = "Reject the submitted budget", description = "Announces budget.rejected.v2.")
    @APIResponse(responseCode = "200", description = "Rejected",
            content = @Content(schema = @Schema(implementation = BudgetResponse.class)))
    @APIResponse(responseCode = "400", description = "reason is missing or too long")
    @APIResponse(responseCode = "403", description = "own-submission: nobody rejects their own submission; or the "
            + "caller is not finance")
    @APIResponse(responseCode = "404", description = Descriptions.BUDGET_NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "budget-not-submitted: the budget is not awaiting a decision")
    public Response reject(@PathParam("eventId") UUID eventId, @NotNull @Valid RejectionRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("reject-budget", eventId, request),
                () -> Response.ok(BudgetResponse.of(approvals.reject(eventId, request.reason()))).build());
    }
}
