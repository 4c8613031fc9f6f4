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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import app.convene.budget.domain.Department;
import app.convene.budget.domain.DepartmentAllowance;
import app.convene.budget.domain.Journal;
import app.convene.budget.service.RollUpCsv;
import app.convene.budget.service.RollUps;

@Path("/api")
@Tag(name = "Roll-up")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@AuditedChanges
public class RollUpResource {
    private static final String TREE = "Your organisation's departments as placed with setDepartmentParent (and "
            + "those named by a budget or an allowance, at the top until placed), each with its own budgets' "
            + "estimate, committed, forecast and actual totals and its total with every department below it, and "
            + "the company total. Every amount is in one currency, budgets in others converted at your "
            + "organisation's rates. Budgets are those you may see, of events starting in the period (their local "
            + "date); the allowance of a department is compared with its total.";
    private static final String TREE_CURRENCY = "The roll-up's currency; budget.default-currency when omitted";
    private static final String TREE_BAD_REQUEST = "period is missing or not YYYY-MM, YYYY-Qn or YYYY; currency is "
            + "not an ISO 4217 code";
    private static final String TREE_CONFLICT = "exchange-rate-missing: a budget's or an allowance's currency has no "
            + "rate into the roll-up's currency; the detail names the pair";

    @Inject
    RollUps rollUps;

    @GET
    @Path("/departments/{department}/allowances/{period}")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE })
    @Operation(operationId = "getDepartmentAllowance", summary = "A department's allowance for a period",
            description = "As set for your organisation (where a first setting's Location points). Its ETag names "
                    + "the allowance as answered: send it as If-Match to replace exactly what was read.")
    @APIResponse(responseCode = "200", description = "The allowance",
            content = @Content(schema = @Schema(implementation = AllowanceResponse.class)))
    @APIResponse(responseCode = "304", description = Revalidated.NOT_MODIFIED)
    @APIResponse(responseCode = "400", description = "period is not YYYY-MM, YYYY-Qn or YYYY")
    @APIResponse(responseCode = "404", description = "No allowance of this department for this period in your "
            + "organisation")
    public Response getAllowance(
            @Parameter(description = "As on the budgets, e.g. Sales") @PathParam("department") String department,
            @Parameter(description = Descriptions.REPORTING_PERIOD) @PathParam("period") String period,
            @Parameter(description = EntityTags.IF_NONE_MATCH) @HeaderParam(HttpHeaders.IF_NONE_MATCH)
            String ifNoneMatch) {
        DepartmentAllowance allowance = rollUps.allowance(department, period);
        return EntityTags.read(ifNoneMatch, rollUps.tag(allowance), () -> AllowanceResponse.of(allowance));
    }

    @PUT
    @Path("/departments/{department}/allowances/{period}")
    @RolesAllowed(Roles.FINANCE)
    @Operation(operationId = "setDepartmentAllowance", summary = "Set a department's allowance for a period",
            description = "A department of your organisation (each organisation sets its own allowances). A month "
                    + "(2027-03), quarter (2027-Q1) or year (2027). Replaces an allowance set before. The roll-up of "
                    + "that exact period compares the department's budgets with it. With If-Match (the ETag of "
                    + "getDepartmentAllowance), replaced only while it is still what was read.")
    @APIResponse(responseCode = "201", description = "Set for the first time",
            content = @Content(schema = @Schema(implementation = AllowanceResponse.class)))
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(schema = @Schema(implementation = AllowanceResponse.class)))
    @APIResponse(responseCode = "400", description = "period is not YYYY-MM, YYYY-Qn or YYYY; department is blank or "
            + "too long; amount negative or with more decimals than the currency has; currency unknown")
    @APIResponse(responseCode = "412", description = EntityTags.PRECONDITION_FAILED + " (or none is set yet)")
    public Response setAllowance(
            @Parameter(description = "As on the budgets, e.g. Sales") @PathParam("department") String department,
            @Parameter(description = Descriptions.REPORTING_PERIOD) @PathParam("period") String period,
            @Parameter(description = EntityTags.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid AllowanceRequest request) {
        RollUps.AllowanceSet set = rollUps.setAllowance(department, period, request.amount(), request.currency(),
                ifMatch);
        AllowanceResponse body = AllowanceResponse.of(set.allowance());
        return set.created()
                ? Response.created(URI.create("/api/departments/"
                        + URLEncoder.encode(department, StandardCharsets.UTF_8).replace("+", "%20")
                        + "/allowances/" + body.period())).entity(body).build()
                : Response.ok(body).build();
    }

    @GET
    @Path("/departments/{department}")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE })
    @Operation(operationId = "getDepartmentPlacement", summary = "Where a department is in your organisation's tree",
            description = "Its parent (none: at the top, under the company); where a first placing's Location "
                    + "points. Its ETag names the placement as answered: send it as If-Match to move exactly what "
                    + "was read.")
    @APIResponse(responseCode = "200", description = "The placement",
            content = @Content(schema = @Schema(implementation = DepartmentPlacementResponse.class)))
    @APIResponse(responseCode = "304", description = Revalidated.NOT_MODIFIED)
    @APIResponse(responseCode = "404", description = "No such department placed in your organisation's tree")
    public Response getPlacement(
            @Parameter(description = "As on the budgets, e.g. Nordics") @PathParam("department") String department,
            @Parameter(description = EntityTags.IF_NONE_MATCH) @HeaderParam(HttpHeaders.IF_NONE_MATCH)
            String ifNoneMatch) {
        Department placed = rollUps.department(department);
        return EntityTags.read(ifNoneMatch, rollUps.tag(placed), () -> DepartmentPlacementResponse.of(placed));
    }

    @PUT
    @Path("/departments/{department}")
    @RolesAllowed(Roles.FINANCE)
    @Operation(operationId = "setDepartmentParent", summary = "Place a department in your organisation's tree",
            description = "Under a parent department, or at the top (under the company) without one; a parent not "
                    + "known yet is added at the top. Departments are those budgets name. The hierarchical roll-up "
                    + "(getRollUpTree) adds each department's budgets into its parent's, up to the company total. "
                    + "Placing a department under itself or under one of its own sub-departments is refused. With "
                    + "If-Match (the ETag of getDepartmentPlacement), moved only while it is still placed as read.")
    @APIResponse(responseCode = "201", description = "Placed for the first time",
            content = @Content(schema = @Schema(implementation = DepartmentPlacementResponse.class)))
    @APIResponse(responseCode = "200", description = "Moved",
            content = @Content(schema = @Schema(implementation = DepartmentPlacementResponse.class)))
    @APIResponse(responseCode = "400", description = "department or parent blank or longer than 100 characters")
    @APIResponse(responseCode = "409", description = "department-cycle: the parent is the department itself or "
            + "below it; the detail names the path")
    @APIResponse(responseCode = "412", description = EntityTags.PRECONDITION_FAILED + " (or it was never placed)")
    public Response placeDepartment(
            @Parameter(description = "As on the budgets, e.g. Nordics") @PathParam("department") String department,
            @Parameter(description = EntityTags.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid DepartmentPlacementRequest request) {
        RollUps.DepartmentPlaced placed = rollUps.place(department, request.parent(), ifMatch);
        DepartmentPlacementResponse body = DepartmentPlacementResponse.of(placed.department());
        return placed.created()
                ? Response.created(URI.create("/api/departments/"
                        + URLEncoder.encode(department, StandardCharsets.UTF_8).replace("+", "%20"))).entity(body)
                        .build()
                : Response.ok(body).build();
    }

    @GET
    @Path("/roll-up/tree")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE })
    @Operation(operationId = "getRollUpTree",
            summary = "Event budgets per department as a tree, with the company total",
            description = TREE)
    @APIResponse(responseCode = "200", description = "The tree, departments in alphabetical order at each level",
            content = @Content(schema = @Schema(implementation = RollUpTreeResponse.class)))
    @APIResponse(responseCode = "400", description = TREE_BAD_REQUEST)
    @APIResponse(responseCode = "409", description = TREE_CONFLICT)
    public RollUpTreeResponse rollUpTree(
            @Parameter(description = Descriptions.REPORTING_PERIOD, required = true) @QueryParam("period") String period,
            @Parameter(description = TREE_CURRENCY) @QueryParam("currency") String currency) {
        return RollUpTreeResponse.of(rollUps.tree(period, currency));
    }

    @GET
    @Path("/roll-up/tree")
    @Produces(Journal.CSV)
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE })
    @Operation(operationId = "getRollUpTree", summary = "The department tree's roll-up as CSV for spreadsheets",
            description = "A COMPANY row with the company total, then a DEPARTMENT row per department below its "
                    + "parent (depth first) with its level, its path from the top, its total with everything below "
                    + "it and its own figures.")
    @APIResponse(responseCode = "200", description = "The tree as CSV", content = @Content(mediaType = Journal.CSV))
    @APIResponse(responseCode = "400", description = TREE_BAD_REQUEST)
    @APIResponse(responseCode = "409", description = TREE_CONFLICT)
    public Response rollUpTreeCsv(
            @Parameter(description = Descriptions.REPORTING_PERIOD, required = true) @QueryParam("period") String period,
            @Parameter(description = TREE_CURRENCY) @QueryParam("currency") String currency) {
        RollUps.RollUpTree tree = rollUps.tree(period, currency);
        return Response.ok(RollUpCsv.of(tree), Journal.CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"roll-up-" + tree.period().key() + "-"
                        + tree.currency() + ".csv\"").build();
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
