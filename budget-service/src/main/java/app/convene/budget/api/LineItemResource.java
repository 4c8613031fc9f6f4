package app.convene.budget.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import app.convene.budget.domain.Invoice;
import app.convene.budget.domain.LedgerEntry;
import app.convene.budget.domain.LineCategory;
import app.convene.budget.domain.LineKind;
import app.convene.backbone.money.Money;
import app.convene.budget.api.Views.BudgetResponse;
import app.convene.budget.api.Views.LineResponse;
import app.convene.budget.service.Budgets;
import app.convene.budget.service.Invoices;
import app.convene.budget.service.Ledger;
import app.convene.budget.service.LineItems;

@Path("/api/events/{eventId}/budget")
@Tag(name = "Line items, commitments and invoices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LineItemResource {
    @Inject
    LineItems lineItems;
    @Inject
    Invoices invoices;
    @Inject
    Budgets budgets;
    @Inject
    Ledger ledger;

    public record LineItemRequest(
            @NotNull @Schema(examples = "CATERING") LineCategory category,
            @NotBlank @Size(max = 500) @Schema(examples = "Lunch buffet") String description,
            @Size(max = 200) @Schema(examples = "Feast & Co") String vendor,
            @NotNull @Schema(description = "FIXED: unitAmount is the estimate; PER_ATTENDEE: unitAmount × headcount")
            LineKind kind,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like EUR")
            @Schema(description = "The line's currency; the budget's when omitted. Another currency needs an "
                    + "exchange rate into the budget's currency", examples = "EUR") String currency,
            @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4)
            @Schema(description = "Fixed amount (at most the currency's decimals) or cost per attendee (up to 4 "
                    + "decimals)", examples = "24.50") BigDecimal unitAmount,
            @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9.-]*",
                    message = "must be letters, digits, dots or dashes") @Schema(examples = "6420") String glAccount,
            @Size(max = 50) @Schema(description = "The budget's when omitted") String costCentre) {
    }

    public record CommitmentRequest(
            @NotBlank @Size(max = 50) @Schema(examples = "PO-2027-0042") String poNumber,
            @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4)
            @Schema(description = "Amount of the purchase order in the line's currency", examples = "2400.00")
            BigDecimal amount) {
    }

    public record InvoiceRequest(
            @NotBlank @Size(max = 200) @Schema(examples = "Feast & Co") String vendor,
            @NotBlank @Size(max = 100) @Schema(examples = "INV-7781") String invoiceNumber,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 4)
            @Schema(examples = "1200.00") BigDecimal amount,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like EUR")
            @Schema(description = "Must be the line's currency; the line's when omitted") String currency,
            @NotNull @Schema(examples = "2027-03-12") LocalDate issuedOn) {
    }

    public record InvoiceResponse(UUID id, String vendor, String invoiceNumber, UUID lineItemId, BigDecimal amount,
            String currency, LocalDate issuedOn, Instant receivedAt) {
        static InvoiceResponse of(Invoice invoice) {
            return new InvoiceResponse(invoice.id, invoice.vendor, invoice.invoiceNumber, invoice.lineId,
                    Money.round(invoice.amount, java.util.Currency.getInstance(invoice.currency)),
                    invoice.currency, invoice.issuedOn, invoice.receivedAt);
        }
    }

    public record LedgerEntryResponse(long sequence, UUID entryId, UUID lineItemId, String kind, BigDecimal amount,
            String currency, BigDecimal rate, BigDecimal budgetAmount, String budgetCurrency, String glAccount,
            String costCentre, String poNumber, String description, Instant occurredAt, String recordedBy) {
        static LedgerEntryResponse of(LedgerEntry e) {
            return new LedgerEntryResponse(e.id, e.entryId, e.lineId, e.kind.name(),
                    Money.round(e.amount, java.util.Currency.getInstance(e.currency)), e.currency, e.rate,
                    Money.round(e.budgetAmount, java.util.Currency.getInstance(e.budgetCurrency)), e.budgetCurrency,
                    e.glAccount, e.costCentre, e.poNumber, e.description, e.occurredAt, e.recordedBy);
        }
    }

    @POST
    @Path("/lines")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE })
    @Operation(summary = "Add a line item", description = "Writes an ESTIMATE ledger entry; announces "
            + "budget.forecast-changed.v1 and, when a limit is crossed, budget.threshold-exceeded.v1. For the "
            + "event's owner, co-organizers and delegates, and finance.")
    @APIResponse(responseCode = "201", description = "Added; the body is the new line and the budget's totals "
            + "after it (GET the budget for every line); Location is the line",
            content = @Content(schema = @Schema(implementation = Views.LineAddedResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule (e.g. more decimals than the currency has)")
    @APIResponse(responseCode = "403", description = AccessAnswers.NOT_MEMBER)
    @APIResponse(responseCode = "404", description = AccessAnswers.BUDGET_NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "budget-under-review (submitted budgets are frozen) or "
            + "exchange-rate-missing (no rate from the line's currency into the budget's)")
    public Response add(@PathParam("eventId") UUID eventId, @NotNull @Valid LineItemRequest request) {
        LineItems.Added added = lineItems.add(eventId, draft(request));
        return Response.created(URI.create("/api/events/" + eventId + "/budget/lines/" + added.line().id))
                .entity(Views.LineAddedResponse.of(added)).build();
    }

    @PUT
    @Path("/lines/{lineId}")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE })
    @Operation(summary = "Change a line item", description = "Everything but its currency. Writes an ESTIMATE ledger "
            + "entry for the change; after approval, makes a new revision. For the event's owner, co-organizers "
            + "and delegates, and finance.")
    @APIResponse(responseCode = "200", description = "Changed; the body is the budget",
            content = @Content(schema = @Schema(implementation = BudgetResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule")
    @APIResponse(responseCode = "403", description = AccessAnswers.NOT_MEMBER)
    @APIResponse(responseCode = "404", description = AccessAnswers.LINE_NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "budget-under-review or line-currency-fixed")
    public BudgetResponse update(@PathParam("eventId") UUID eventId, @PathParam("lineId") UUID lineId,
            @NotNull @Valid LineItemRequest request) {
        lineItems.update(eventId, lineId, draft(request));
        return BudgetResponse.of(budgets.view(eventId));
    }

    @PUT
    @Path("/lines/{lineId}/commitment")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE })
    @Operation(summary = "Issue or amend the line's purchase order",
            description = "The first commitment locks the current exchange rate into the budget's currency; "
                    + "amendments keep it. Writes a COMMITMENT ledger entry for the change."
                    + "For the event's owner, co-organizers and delegates, and finance.")
    @APIResponse(responseCode = "200", description = "Committed; the body is the line",
            content = @Content(schema = @Schema(implementation = LineResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule")
    @APIResponse(responseCode = "403", description = AccessAnswers.NOT_MEMBER)
    @APIResponse(responseCode = "404", description = AccessAnswers.LINE_NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "exchange-rate-missing: no rate to lock")
    public LineResponse commit(@PathParam("eventId") UUID eventId, @PathParam("lineId") UUID lineId,
            @NotNull @Valid CommitmentRequest request) {
        lineItems.commit(eventId, lineId, new LineItems.Commitment(request.poNumber(), request.amount()));
        return line(eventId, lineId);
    }

    @POST
    @Path("/lines/{lineId}/invoices")
    @RolesAllowed(Roles.FINANCE)
    @Operation(summary = "Record a vendor invoice against a committed line",
            description = "Idempotent by vendor and invoice number: the same invoice sent again answers 200 with the "
                    + "recorded one and is not counted twice; other details under the same number are a 409. Writes "
                    + "an ACTUAL ledger entry. Finance only; the number is unique per vendor within the organisation.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = InvoiceResponse.class)))
    @APIResponse(responseCode = "200", description = "Already recorded with these details; nothing changed",
            content = @Content(schema = @Schema(implementation = InvoiceResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule (e.g. not the line's currency)")
    @APIResponse(responseCode = "403", description = AccessAnswers.FINANCE_ONLY)
    @APIResponse(responseCode = "404", description = AccessAnswers.LINE_NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "invoice-conflict (same vendor and number, other details) or "
            + "line-not-committed (no purchase order yet)")
    public Response recordInvoice(@PathParam("eventId") UUID eventId, @PathParam("lineId") UUID lineId,
            @NotNull @Valid InvoiceRequest request) {
        Invoices.Recorded recorded = invoices.record(eventId, lineId, new Invoices.InvoiceDraft(request.vendor(),
                request.invoiceNumber(), request.amount(), request.currency(), request.issuedOn()));
        InvoiceResponse body = InvoiceResponse.of(recorded.invoice());
        return recorded.created()
                ? Response.created(URI.create("/api/events/" + eventId + "/budget/lines/" + lineId + "/invoices/"
                        + recorded.invoice().id)).entity(body).build()
                : Response.ok(body).build();
    }

    @GET
    @Path("/ledger")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE })
    @Operation(summary = "The budget's ledger: every monetary change, oldest first, never changed or deleted",
            description = "For staff who see the event; finance also for confidential events.")
    @APIResponse(responseCode = "200", description = "The entries",
            content = @Content(schema = @Schema(implementation = LedgerEntryResponse.class, type =
                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = AccessAnswers.BUDGET_NOT_VISIBLE)
    public List<LedgerEntryResponse> ledger(@PathParam("eventId") UUID eventId) {
        return ledger.entries(eventId).stream().map(LedgerEntryResponse::of).toList();
    }

    private LineResponse line(UUID eventId, UUID lineId) {
        LineItems.LineView view = lineItems.view(eventId, lineId);
        return LineResponse.of(view.line(), view.figures());
    }

    private static LineItems.LineDraft draft(LineItemRequest r) {
        return new LineItems.LineDraft(r.category(), r.description(), r.vendor(), r.kind(), r.currency(),
                r.unitAmount(), r.glAccount(), r.costCentre());
    }
}
