package app.convene.budget.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.audit.AuditedChanges;
import app.convene.backbone.idempotency.IdempotentRequests;
import app.convene.backbone.revalidation.EntityTags;
import app.convene.backbone.revalidation.Revalidated;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.budget.service.Invoices;
import app.convene.budget.service.Ledger;
import app.convene.budget.service.LineItems;

@Path("/api/events/{eventId}/budget")
@Tag(name = "Line items, commitments and invoices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@AuditedChanges
public class LineItemResource {
    @Inject
    LineItems lineItems;
    @Inject
    Invoices invoices;
    @Inject
    Ledger ledger;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;

    @GET
    @Path("/lines")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE })
    @Operation(operationId = "listLineItems", summary = "The budget's lines, a page at a time",
            description = "The lines that count in the totals, in the order they were added (as GET .../budget lists "
                    + "them), each with its figures; follow `next` for the next page. Withdrawn lines are in GET "
                    + ".../budget. Who may read them as for GET .../budget.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = LinePage.class)))
    @APIResponse(responseCode = "400", description = "limit not 1 to 500, or after not the id of a line of this "
            + "budget")
    @APIResponse(responseCode = "404", description = Descriptions.BUDGET_NOT_VISIBLE)
    public LinePage listLines(@PathParam("eventId") UUID eventId,
            @Parameter(description = "The previous page's `next`") @QueryParam("after") UUID after,
            @Parameter(description = "Page size, 1 to 500") @QueryParam("limit") @DefaultValue("100") @Min(1)
            @Max(500) int limit) {
        return LinePage.of(lineItems.page(eventId, after, limit), limit);
    }

    @GET
    @Path("/lines/{lineId}")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE })
    @Operation(operationId = "getLineItem", summary = "One line item, with its figures",
            description = "Where a new line's Location points. Its ETag names the line as answered, its figures "
                    + "included (a per-attendee line's change with the headcount): send it as If-Match to change, "
                    + "commit or withdraw exactly what was read. A withdrawn line is answered too, with withdrawnAt. "
                    + "Who may read it as for GET .../budget.")
    @APIResponse(responseCode = "200", description = "The line",
            content = @Content(schema = @Schema(implementation = LineResponse.class)))
    @APIResponse(responseCode = "304", description = Revalidated.NOT_MODIFIED)
    @APIResponse(responseCode = "404", description = Descriptions.LINE_NOT_VISIBLE)
    public Response getLine(@PathParam("eventId") UUID eventId, @PathParam("lineId") UUID lineId,
            @Parameter(description = EntityTags.IF_NONE_MATCH) @HeaderParam(HttpHeaders.IF_NONE_MATCH)
            String ifNoneMatch) {
        LineItems.LineView line = lineItems.view(eventId, lineId);
        return EntityTags.read(ifNoneMatch, lineItems.tag(line), () -> LineResponse.of(line));
    }

    @POST
    @Path("/lines")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE })
    @Operation(operationId = "addLineItem",
            summary = "Add a line item", description = "Writes an ESTIMATE ledger entry; announces "
            + "budget.forecast-changed.v2 and, when a limit is crossed, budget.threshold-exceeded.v1. For the "
            + "event's owner, co-organizers and delegates, and finance.")
    @APIResponse(responseCode = "201", description = "Added; the body is the new line and the budget's totals "
            + "after it (GET the budget for every line); Location is the line",
            content = @Content(schema = @Schema(implementation = LineAddedResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule (e.g. more decimals than the currency has)")
    @APIResponse(responseCode = "403", description = Descriptions.NOT_MEMBER)
    @APIResponse(responseCode = "404", description = Descriptions.BUDGET_NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "budget-under-review (submitted budgets are frozen) or "
            + "exchange-rate-missing (no rate from the line's currency into the budget's)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "perAttendee", summary = "Catering that grows with the headcount",
                    value = """
                    {
                      "category": "CATERING",
                      "description": "Lunch buffet",
                      "vendor": "Feast & Co",
                      "kind": "PER_ATTENDEE",
                      "currency": "EUR",
                      "unitAmount": 24.5,
                      "glAccount": "6420"
                    }
                    """),
            @ExampleObject(name = "fixed", summary = "A fixed amount in the budget's currency",
                    value = """
                    {
                      "category": "AV",
                      "description": "Stage sound and two projectors",
                      "vendor": "Nordic AV",
                      "kind": "FIXED",
                      "unitAmount": 3800,
                      "glAccount": "6430",
                      "costCentre": "MKT-EVENTS"
                    }
                    """) }))
    public Response add(@PathParam("eventId") UUID eventId, @NotNull @Valid LineItemRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("add-line", eventId, request), () -> {
            LineItems.Added added = lineItems.add(eventId, request.draft());
            return Response.created(URI.create("/api/events/" + eventId + "/budget/lines/" + added.line().id))
                    .entity(LineAddedResponse.of(added)).build();
        });
    }

    @POST
    @Path("/lines/copies")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE })
    @Operation(operationId = "copyLineItems", summary = "Copy the line items of another event's budget as estimates",
            description = "This year's conference from last year's figures: each line of the other event's budget "
                    + "that still counts (not withdrawn) and that the budget keeps itself (not a venue booking's or "
                    + "the travel lines, which their services keep) is added here with its category, description, "
                    + "vendor, kind, currency, amount, GL account and cost centre; not its purchase order, invoices "
                    + "or actual amount. Each writes an ESTIMATE ledger entry naming where it came from; one "
                    + "budget.forecast-changed.v2 announces the new figures. All or nothing. With an "
                    + "Idempotency-Key, a retry answers the first copy and adds nothing. For the event's owner, "
                    + "co-organizers and delegates, and finance; the other budget must be one the caller may see.")
    @APIResponse(responseCode = "201", description = "Copied; the body names the new lines and gives the budget's "
            + "totals after them; Location is this budget's lines",
            content = @Content(schema = @Schema(implementation = LinesCopiedResponse.class)))
    @APIResponse(responseCode = "400", description = "fromEventId missing, not a UUID, or this budget's own event; "
            + "an unknown field")
    @APIResponse(responseCode = "403", description = Descriptions.NOT_MEMBER)
    @APIResponse(responseCode = "404", description = Descriptions.BUDGET_NOT_VISIBLE + " (this budget, or the one "
            + "named by fromEventId)")
    @APIResponse(responseCode = "409", description = "budget-under-review (submitted budgets are frozen) or "
            + "exchange-rate-missing (a line's currency has no rate into this budget's)")
    public Response copy(@PathParam("eventId") UUID eventId, @NotNull @Valid LineCopyRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("copy-lines", eventId, request), () ->
                Response.created(URI.create("/api/events/" + eventId + "/budget/lines"))
                        .entity(LinesCopiedResponse.of(lineItems.copyFrom(eventId, request.fromEventId()))).build());
    }

    @PUT
    @Path("/lines/{lineId}")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE })
    @Operation(operationId = "changeLineItem",
            summary = "Change a line item", description = "Everything but its currency. Writes an ESTIMATE ledger "
            + "entry for the change; after approval, makes a new revision. For the event's owner, co-organizers "
            + "and delegates, and finance.")
    @APIResponse(responseCode = "200", description = "Changed; the body is the budget",
            content = @Content(schema = @Schema(implementation = BudgetResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule")
    @APIResponse(responseCode = "403", description = Descriptions.NOT_MEMBER)
    @APIResponse(responseCode = "404", description = Descriptions.LINE_NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "budget-under-review, line-currency-fixed, or "
            + "line-owned-elsewhere: the line is a venue booking's or a travel line, kept by the service that owns it")
    @APIResponse(responseCode = "412", description = EntityTags.PRECONDITION_FAILED)
    public BudgetResponse update(@PathParam("eventId") UUID eventId, @PathParam("lineId") UUID lineId,
            @Parameter(description = EntityTags.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid LineItemRequest request) {
        return BudgetResponse.of(lineItems.update(eventId, lineId, request.draft(), ifMatch));
    }

    @PUT
    @Path("/lines/{lineId}/commitment")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE })
    @Operation(operationId = "commitLineItem", summary = "Issue or amend the line's purchase order",
            description = "The first commitment locks the current exchange rate into the budget's currency; "
                    + "amendments keep it. Writes a COMMITMENT ledger entry for the change."
                    + "For the event's owner, co-organizers and delegates, and finance.")
    @APIResponse(responseCode = "200", description = "Committed; the body is the line",
            content = @Content(schema = @Schema(implementation = LineResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule")
    @APIResponse(responseCode = "403", description = Descriptions.NOT_MEMBER)
    @APIResponse(responseCode = "404", description = Descriptions.LINE_NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "exchange-rate-missing: no rate to lock")
    @APIResponse(responseCode = "412", description = EntityTags.PRECONDITION_FAILED)
    public LineResponse commit(@PathParam("eventId") UUID eventId, @PathParam("lineId") UUID lineId,
            @Parameter(description = EntityTags.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid CommitmentRequest request) {
        return LineResponse.of(lineItems.commit(eventId, lineId, request.commitment(), ifMatch));
    }

    @POST
    @Path("/lines/{lineId}/withdraw")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE })
    @Operation(operationId = "withdrawLineItem", summary = "Withdraw a line item, with the reason",
            description = "The line stays (in the budget's withdrawnLines and in the ledger) but no longer counts "
                    + "in the totals: an ESTIMATE ledger entry takes its estimate out, naming the reason, and "
                    + "budget.forecast-changed.v2 announces the new figures. A line with money committed (amend the "
                    + "purchase order to 0 first) or invoiced cannot be withdrawn, nor a venue booking's line. With "
                    + "an Idempotency-Key, a retry answers the first withdrawal. For the event's owner, "
                    + "co-organizers and delegates, and finance.")
    @APIResponse(responseCode = "200", description = "Withdrawn; the body is the budget",
            content = @Content(schema = @Schema(implementation = BudgetResponse.class)))
    @APIResponse(responseCode = "400", description = "reason missing, blank or longer than 400 characters")
    @APIResponse(responseCode = "403", description = Descriptions.NOT_MEMBER)
    @APIResponse(responseCode = "404", description = Descriptions.LINE_NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "line-withdrawn (already), line-committed, line-invoiced, "
            + "line-owned-elsewhere, budget-under-review, or idempotency-key-in-use")
    @APIResponse(responseCode = "412", description = EntityTags.PRECONDITION_FAILED)
    @APIResponse(responseCode = "422", description = "idempotency-key-reused: the key was first used with another "
            + "request")
    public Response withdraw(@PathParam("eventId") UUID eventId, @PathParam("lineId") UUID lineId,
            @Parameter(description = "Makes retries safe: the same key and body answer the first withdrawal")
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Parameter(description = EntityTags.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid WithdrawalRequest request) {
        return idempotent.execute(caller.name(), idempotencyKey, request, () -> Response
                .ok(BudgetResponse.of(lineItems.withdraw(eventId, lineId, request.reason(), ifMatch))).build());
    }

    @POST
    @Path("/lines/{lineId}/invoices")
    @RolesAllowed(Roles.FINANCE)
    @Operation(operationId = "recordInvoice", summary = "Record a vendor invoice against a committed line",
            description = "Idempotent by vendor and invoice number: the same invoice sent again answers 200 with the "
                    + "recorded one and is not counted twice; other details under the same number are a 409. Writes "
                    + "an ACTUAL ledger entry. Finance only; the number is unique per vendor within the organisation. "
                    + "An invoice taking the line beyond its commitment and the tolerance is AWAITING_APPROVAL and "
                    + "counts once approved (approveInvoice); POST /api/finance/invoices matches by purchase order.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = InvoiceResponse.class)))
    @APIResponse(responseCode = "200", description = "Already recorded with these details; nothing changed",
            content = @Content(schema = @Schema(implementation = InvoiceResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule (e.g. not the line's currency)")
    @APIResponse(responseCode = "403", description = Descriptions.FINANCE_ONLY)
    @APIResponse(responseCode = "404", description = Descriptions.LINE_NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "invoice-conflict (same vendor and number, other details) or "
            + "line-not-committed (no purchase order yet)")
    public Response recordInvoice(@PathParam("eventId") UUID eventId, @PathParam("lineId") UUID lineId,
            @NotNull @Valid InvoiceRequest request, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("record-invoice", eventId, lineId, request),
                () -> {
                    Invoices.Recorded recorded = invoices.record(eventId, lineId, request.draft());
                    InvoiceResponse body = InvoiceResponse.of(recorded.view());
                    return recorded.created()
                            ? Response.created(URI.create("/api/events/" + eventId + "/budget/lines/" + lineId
                                    + "/invoices/" + recorded.invoice().id)).entity(body).build()
                            : Response.ok(body).build();
                });
    }

    @GET
    @Path("/ledger")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE })
    @Operation(operationId = "getLedger",
            summary = "The budget's ledger: every monetary change, oldest first, never changed or deleted",
            description = "For staff who see the event; finance also for confidential events. A page at a time: "
                    + "pass `next` as `after` until it is null. For a period's entries of every budget, as a "
                    + "journal for the general ledger, use the finance export.")
    @APIResponse(responseCode = "200", description = "A page of the entries",
            content = @Content(schema = @Schema(implementation = LedgerPage.class)))
    @APIResponse(responseCode = "400", description = "`after` is not an entry of this ledger, or `limit` is out of "
            + "range")
    @APIResponse(responseCode = "404", description = Descriptions.BUDGET_NOT_VISIBLE)
    public LedgerPage ledger(@PathParam("eventId") UUID eventId,
            @Parameter(description = "The previous page's `next`") @QueryParam("after") UUID after,
            @Parameter(description = "Page size, 1 to 1000") @QueryParam("limit") @DefaultValue("500") @Min(1)
            @Max(Ledger.MAX_PAGE) int limit) {
        Ledger.Page page = ledger.entries(eventId, after, limit);
        return new LedgerPage(page.entries().stream().map(LedgerEntryResponse::of).toList(), page.next());
    }
}
