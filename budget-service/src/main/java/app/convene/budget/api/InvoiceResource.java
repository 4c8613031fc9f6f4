package app.convene.budget.api;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import app.convene.backbone.revalidation.Revalidated;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.budget.domain.Invoice;
import app.convene.budget.domain.InvoiceStatus;
import app.convene.budget.persistence.InvoiceRepository;
import app.convene.budget.service.InvoiceImports;
import app.convene.budget.service.Invoices;

/** Finance's invoices of the whole organisation, matched to committed lines by purchase order. */
@Path("/api/finance/invoices")
@Tag(name = "Invoices by purchase order")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.FINANCE)
@AuditedChanges
public class InvoiceResource {
    static final String CSV = "text/csv";
    private static final String RESPOND_ASYNC = "respond-async";
    private static final String NO_INVOICE = "No such invoice in your organisation";
    private static final String NO_IMPORT = "No such invoice import in your organisation";
    private static final String IDEMPOTENCY_KEY = "Makes retries safe: the same key and body answer the first "
            + "answer again";
    private static final String KEY_IN_USE = "idempotency-key-in-use (the first request with this key is still "
            + "being processed)";
    private static final String KEY_REUSED = "idempotency-key-reused: the key was first used with another request";

    @Inject
    Invoices invoices;
    @Inject
    InvoiceImports imports;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordMatchedInvoice",
            summary = "Record an invoice or credit note, matched to its committed line",
            description = "Matched by its purchase order number (within eventId when given), else by its vendor "
                    + "within eventId (the event's one committed line of that vendor); a credit note by the "
                    + "vendor's invoice it credits. The answer shows the match and the line's variance against its "
                    + "commitment. An invoice taking the line's invoices above the commitment by more than the "
                    + "tolerance (budget.invoices.tolerance-percent, 5 %) is AWAITING_APPROVAL and counts in the "
                    + "actual once another member of finance approves it. Idempotent by vendor and invoice number "
                    + "within your organisation: the same invoice again answers 200 and is not counted twice.")
    @APIResponse(responseCode = "201", description = "Recorded; Location is the invoice",
            content = @Content(schema = @Schema(implementation = InvoiceResponse.class)))
    @APIResponse(responseCode = "200", description = "Already recorded with these details; nothing changed",
            content = @Content(schema = @Schema(implementation = InvoiceResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule (e.g. more decimals than the currency "
            + "has, neither poNumber nor eventId, a credit note without creditsInvoiceNumber)")
    @APIResponse(responseCode = "403", description = Descriptions.FINANCE_ONLY)
    @APIResponse(responseCode = "404", description = Descriptions.BUDGET_NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "invoice-conflict (same vendor and number, other details), "
            + "credit-exceeds-invoice, invoice-not-posted (crediting an invoice not posted), exchange-rate-missing, "
            + "or " + KEY_IN_USE)
    @APIResponse(responseCode = "422", description = "invoice-unmatched: no committed line (or several) matches; "
            + "the detail names the field and why; or " + KEY_REUSED)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "byPurchaseOrder", summary = "An invoice against a purchase order", value = """
                    {"vendor": "Feast & Co", "invoiceNumber": "INV-7781", "amount": 1200.00,
                     "issuedOn": "2027-03-12", "poNumber": "PO-2027-114"}"""),
            @ExampleObject(name = "creditNote", summary = "A credit note on that invoice", value = """
                    {"kind": "CREDIT_NOTE", "vendor": "Feast & Co", "invoiceNumber": "CN-118", "amount": 150.00,
                     "issuedOn": "2027-03-20", "creditsInvoiceNumber": "INV-7781"}""") }))
    public Response record(@Parameter(description = IDEMPOTENCY_KEY) @HeaderParam(IdempotentRequests.HEADER)
            String idempotencyKey, @NotNull @Valid InvoiceSubmissionRequest request) {
        return idempotent.execute(caller.name(), idempotencyKey, request, () -> {
            Invoices.Recorded recorded = invoices.submit(request.submission());
            InvoiceResponse body = InvoiceResponse.of(recorded.view());
            return recorded.created()
                    ? Response.created(URI.create("/api/finance/invoices/" + recorded.invoice().id)).entity(body)
                            .build()
                    : Response.ok(body).build();
        });
    }

    @GET
    @Operation(operationId = "listInvoices", summary = "Your organisation's invoices and credit notes, page by page",
            description = "Oldest received first (then by id). Filters combine; follow `next` for the next page.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = InvoicePage.class)))
    @APIResponse(responseCode = "400", description = "A filter, limit (1 to 200) or cursor is not valid")
    @APIResponse(responseCode = "403", description = Descriptions.FINANCE_ONLY)
    public InvoicePage list(
            @Parameter(description = "Only the invoices of this event") @QueryParam("eventId") UUID eventId,
            @Parameter(description = "Only this vendor's (any case, surrounding spaces ignored)")
            @QueryParam("vendor") @Size(max = 200) String vendor,
            @Parameter(description = "POSTED, AWAITING_APPROVAL or REJECTED") @QueryParam("status") InvoiceStatus status,
            @Parameter(description = "The previous page's `next`") @QueryParam("after") UUID after,
            @Parameter(description = "Page size, 1 to 200") @QueryParam("limit") @DefaultValue("50") @Min(1)
            @Max(200) int limit) {
        InvoiceRepository.Filter filter = new InvoiceRepository.Filter(eventId,
                vendor == null || vendor.isBlank() ? null : Invoice.vendorKey(vendor), status);
        return InvoicePage.of(invoices.list(filter, after, limit), limit);
    }

    @GET
    @Path("/{invoiceId}")
    @Operation(operationId = "getInvoice", summary = "An invoice or credit note with its line's variance",
            description = "Finance only; another organisation's invoice is a 404.")
    @APIResponse(responseCode = "200", description = "The invoice",
            content = @Content(schema = @Schema(implementation = InvoiceResponse.class)))
    @APIResponse(responseCode = "403", description = Descriptions.FINANCE_ONLY)
    @APIResponse(responseCode = "404", description = NO_INVOICE)
    public InvoiceResponse get(@PathParam("invoiceId") UUID invoiceId) {
        return InvoiceResponse.of(invoices.find(invoiceId));
    }

    @POST
    @Path("/{invoiceId}/approve")
    @Operation(operationId = "approveInvoice", summary = "Approve an invoice awaiting approval: it counts in the actual",
            description = "By a member of finance other than who recorded it. Writes an ACTUAL ledger entry.")
    @APIResponse(responseCode = "200", description = "Approved (POSTED); the body is the invoice",
            content = @Content(schema = @Schema(implementation = InvoiceResponse.class)))
    @APIResponse(responseCode = "403", description = "own-invoice: you recorded it; or " + Descriptions.FINANCE_ONLY)
    @APIResponse(responseCode = "404", description = NO_INVOICE)
    @APIResponse(responseCode = "409", description = "invoice-not-awaiting-approval, or " + KEY_IN_USE)
    @APIResponse(responseCode = "422", description = KEY_REUSED)
    public Response approve(@Parameter(description = IDEMPOTENCY_KEY) @HeaderParam(IdempotentRequests.HEADER)
            String idempotencyKey, @PathParam("invoiceId") UUID invoiceId) {
        return idempotent.execute(caller.name(), idempotencyKey, Map.of("approve", invoiceId),
                () -> Response.ok(InvoiceResponse.of(invoices.approve(invoiceId))).build());
    }

    @POST
    @Path("/{invoiceId}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rejectInvoice", summary = "Reject an invoice awaiting approval: it never counts",
            description = "By a member of finance other than who recorded it; its number stays recorded.")
    @APIResponse(responseCode = "200", description = "Rejected; the body is the invoice",
            content = @Content(schema = @Schema(implementation = InvoiceResponse.class)))
    @APIResponse(responseCode = "400", description = "reason is missing or longer than 1000 characters")
    @APIResponse(responseCode = "403", description = "own-invoice: you recorded it; or " + Descriptions.FINANCE_ONLY)
    @APIResponse(responseCode = "404", description = NO_INVOICE)
    @APIResponse(responseCode = "409", description = "invoice-not-awaiting-approval, or " + KEY_IN_USE)
    @APIResponse(responseCode = "422", description = KEY_REUSED)
    public Response reject(@Parameter(description = IDEMPOTENCY_KEY) @HeaderParam(IdempotentRequests.HEADER)
            String idempotencyKey, @PathParam("invoiceId") UUID invoiceId,
            @NotNull @Valid RejectionRequest request) {
        return idempotent.execute(caller.name(), idempotencyKey, Map.of("reject", invoiceId, "body", request),
                () -> Response.ok(InvoiceResponse.of(invoices.reject(invoiceId, request.reason()))).build());
    }

    @POST
    @Path("/import")
    @Consumes(CSV)
    @Operation(operationId = "importInvoices", summary = "Import a CSV file of invoices as a job",
            description = "A header naming the columns (vendor, invoiceNumber, amount and issuedOn required; kind, "
                    + "currency, poNumber, eventId, creditsInvoiceNumber optional, any order), then one invoice per "
                    + "row, matched and recorded as recordMatchedInvoice does, each on its own: the job tells each "
                    + "row's outcome (MATCHED, AWAITING_APPROVAL, ALREADY_RECORDED, UNMATCHED or REFUSED with the "
                    + "reason). The same file again records nothing twice. With an Idempotency-Key, a retry answers "
                    + "the first job. With `Prefer: respond-async` the file is checked (a bad one is still a 400) "
                    + "and the answer is 202 at once, the rows imported in the background as the caller; while "
                    + "budget.invoices.background-imports (2) imports already run so, it is imported while the "
                    + "request waits and answered 201.")
    @APIResponse(responseCode = "201", description = "Done; Location is the job",
            content = @Content(schema = @Schema(implementation = InvoiceImportResponse.class)))
    @APIResponse(responseCode = "202", description = "Asked with Prefer: respond-async: the file is checked and "
            + "the job is RUNNING in the background (Preference-Applied: respond-async); follow Location until its "
            + "status is DONE",
            content = @Content(schema = @Schema(implementation = InvoiceImportResponse.class)))
    @APIResponse(responseCode = "400", description = "The header names an unknown or repeated column or lacks a "
            + "required one; the file is empty, not CSV, or holds more rows than budget.invoices.import-max-rows")
    @APIResponse(responseCode = "403", description = Descriptions.FINANCE_ONLY)
    @APIResponse(responseCode = "409", description = KEY_IN_USE)
    @APIResponse(responseCode = "415", description = "The body is not text/csv")
    @APIResponse(responseCode = "422", description = KEY_REUSED)
    @RequestBody(required = true, content = @Content(mediaType = CSV, schema = @Schema(type =
            org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING), examples = @ExampleObject(
            name = "mixed", value = """
                    vendor,invoiceNumber,amount,currency,issuedOn,poNumber,eventId
                    Feast & Co,INV-7781,1200.00,EUR,2027-03-12,PO-2027-114,
                    Nordic AV,NAV-0042,3800.00,,2027-03-14,,5b1c2f0e-8a54-4c31-9d7e-2f1e6c1d9a10
                    """)))
    public Response importInvoices(@Parameter(description = IDEMPOTENCY_KEY) @HeaderParam(IdempotentRequests.HEADER)
            String idempotencyKey,
            @Parameter(description = "respond-async: answer 202 at once and import in the background (RFC 7240)")
            @HeaderParam("Prefer") String prefer, String csv) {
        return idempotent.execute(caller.name(), idempotencyKey, Map.of("import", csv == null ? "" : csv), () -> {
            InvoiceImports.Started started = imports.start(csv, respondAsync(prefer));
            URI location = URI.create("/api/finance/invoices/import/" + started.job().id());
            Response.ResponseBuilder answer = started.inBackground()
                    ? Response.accepted().location(location).header("Preference-Applied", RESPOND_ASYNC)
                    : Response.created(location);
            return answer.entity(InvoiceImportResponse.of(started.job())).type(MediaType.APPLICATION_JSON_TYPE)
                    .build();
        });
    }

    /** Whether the Prefer header (RFC 7240) asks for respond-async among its preferences. */
    static boolean respondAsync(String prefer) {
        if (prefer == null) {
            return false;
        }
        for (String preference : prefer.split(",")) {
            String token = preference.split(";", 2)[0].strip();
            if (token.equalsIgnoreCase(RESPOND_ASYNC)) {
                return true;
            }
        }
        return false;
    }

    @GET
    @Path("/import")
    @Operation(operationId = "listInvoiceImports",
            summary = "The organisation's invoice imports, newest first, a page at a time",
            description = "Finance only. Each import with its status and how many rows had each outcome, without "
                    + "its rows (getInvoiceImport has them). Follow `next` as `after` for older imports.")
    @APIResponse(responseCode = "200", description = "A page of imports",
            content = @Content(schema = @Schema(implementation = InvoiceImportPage.class)))
    @APIResponse(responseCode = "400", description = "after is not the id of an import of your organisation, or "
            + "limit is not 1 to " + InvoiceImports.MAX_PAGE)
    @APIResponse(responseCode = "403", description = Descriptions.FINANCE_ONLY)
    public InvoiceImportPage listImports(
            @Parameter(description = "The last import of the previous page (its `next`)") @QueryParam("after")
            UUID after,
            @Parameter(description = "Page size, 1 to " + InvoiceImports.MAX_PAGE) @QueryParam("limit")
            @DefaultValue("20") @Min(1) @Max(InvoiceImports.MAX_PAGE) int limit) {
        return InvoiceImportPage.of(imports.list(after, limit));
    }

    @GET
    @Path("/import/{importId}")
    @Revalidated
    @Operation(operationId = "getInvoiceImport", summary = "An invoice import with every row's outcome",
            description = "Finance only; another organisation's import is a 404. Poll an import running in the "
                    + "background until it is DONE: with its ETag in If-None-Match, a poll while no row was "
                    + "recorded since is a 304 without a body.")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(schema = @Schema(implementation = InvoiceImportResponse.class)))
    @APIResponse(responseCode = "304", description = Revalidated.NOT_MODIFIED)
    @APIResponse(responseCode = "403", description = Descriptions.FINANCE_ONLY)
    @APIResponse(responseCode = "404", description = NO_IMPORT)
    public InvoiceImportResponse getImport(@PathParam("importId") UUID importId) {
        return InvoiceImportResponse.of(imports.find(importId));
    }
}
