package app.convene.budget.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.access.EventAccessGuard;
import app.convene.backbone.event.BudgetEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.money.Money;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.budget.config.BudgetConfig;
import app.convene.budget.domain.BudgetFigures;
import app.convene.budget.domain.EventBudget;
import app.convene.budget.domain.Invoice;
import app.convene.budget.domain.InvoiceKind;
import app.convene.budget.domain.InvoiceMatch;
import app.convene.budget.domain.InvoiceStatus;
import app.convene.budget.domain.LedgerKind;
import app.convene.budget.domain.LineItem;
import app.convene.budget.persistence.InvoiceRepository;
import app.convene.budget.persistence.InvoiceRepository.LineRef;

/**
 * Vendor invoices and credit notes, recorded by finance, idempotent by vendor and invoice number within the
 * organisation: the database's unique key decides which of several concurrent deliveries records the invoice; the
 * others find it and are answered with it, or with a 409 when they carry other details under the same number.
 * <p>
 * An invoice is matched to a committed line by its purchase order number, else by its vendor within an event. One
 * that takes the line's invoices above its commitment by more than the tolerance awaits finance's approval (by
 * someone other than who recorded it) and counts in the actual only once approved. A credit note takes back (part
 * of) a posted invoice of the same vendor, never more than is left of it. Every change counted in the actual writes
 * an ACTUAL ledger entry and recomputes the forecast under the budget's lock, in one transaction.
 */
@ApplicationScoped
public class Invoices {
    /** The problem of an invoice that matches no committed line (or no invoice, for a credit note). */
    public static final String UNMATCHED = "invoice-unmatched";

    @Inject
    Clock clock;
    @Inject
    InvoiceRepository repository;
    @Inject
    Budgets budgets;
    @Inject
    LineItems lineItems;
    @Inject
    Forecasts forecasts;
    @Inject
    Ledger ledger;
    @Inject
    ExchangeRates rates;
    @Inject
    EventAccessGuard guard;
    @Inject
    Caller caller;
    @Inject
    BudgetConfig config;
    @Inject
    Outbox outbox;

    /** An invoice against a line the caller names. */
    public record InvoiceDraft(String vendor, String invoiceNumber, BigDecimal amount, String currency,
            LocalDate issuedOn) {
    }

    /**
     * An invoice to match to a committed line: by {@code poNumber} (within {@code eventId} when given), else by the
     * vendor within {@code eventId}; a credit note by the vendor's invoice {@code creditsInvoiceNumber}. A null
     * currency is the line's (a credit note's: the credited invoice's).
     */
    public record Submission(InvoiceKind kind, String vendor, String invoiceNumber, BigDecimal amount,
            String currency, LocalDate issuedOn, String poNumber, UUID eventId, String creditsInvoiceNumber) {
    }

    /**
     * The line's invoices against its purchase order, in the line's currency: {@code invoiced} is what is posted plus
     * what awaits approval; {@code variance} how far that is above (positive) or below the committed amount, also as
     * a percentage of it; above {@code toleranceLimit} an invoice needs approval.
     */
    public record Variance(String currency, BigDecimal committed, BigDecimal invoiced, BigDecimal variance,
            BigDecimal variancePercent, BigDecimal toleranceLimit) {
    }

    /** An invoice with its line's variance (null in lists). */
    public record InvoiceView(Invoice invoice, Variance variance) {
    }

    /** The invoice as recorded now ({@code created}) or found recorded before with the same details. */
    public record Recorded(InvoiceView view, boolean created) {
        public Invoice invoice() {
            return view.invoice();
        }
    }

    private record Match(LineRef line, InvoiceMatch by, Invoice credited) {
    }

    /** Records an invoice against the line the caller names (the line's currency only). */
    @Transactional
    public Recorded record(UUID eventId, UUID lineId, InvoiceDraft draft) {
        guard.changeBudget(eventId, Roles.FINANCE);
        EventBudget budget = budgets.lock(eventId);
        LineItem line = lineItems.find(eventId, lineId);
        LineItems.requireNotWithdrawn(line);
        String currency = draft.currency() == null ? line.currency : draft.currency();
        if (!currency.equals(line.currency)) {
            throw ProblemException.invalidField("currency", "must be the line's currency " + line.currency);
        }
        Money.requireMinorUnit("amount", draft.amount(), line.currency());
        Invoice invoice = newInvoice(budget, line, InvoiceKind.INVOICE, InvoiceMatch.LINE, draft.vendor(),
                draft.invoiceNumber(), draft.amount(), currency, draft.issuedOn());
        invoice.lineAmount = draft.amount();
        invoice.status = line.isCommitted() ? statusFor(line, invoice.lineAmount) : InvoiceStatus.POSTED;
        // The unique key (vendor, number) settles races; a clash waits for the other transaction and then finds it.
        if (!repository.insertIfAbsent(invoice)) {
            return recordedBefore(invoice, lineId);
        }
        if (!line.isCommitted()) {
            // Checked after the insert so that a re-sent invoice is still recognised; this rolls the insert back.
            throw ProblemException.conflict("line-not-committed",
                    "line " + lineId + " has no purchase order; commit it before recording invoices");
        }
        return recorded(budget, line, invoice);
    }

    /**
     * Matches an invoice (or credit note) to a committed line of the caller's organisation and records it; a 422
     * {@value #UNMATCHED} when it matches none, or several.
     */
    @Transactional
    public Recorded submit(Submission submission) {
        String organisation = caller.organisation();
        String vendorKey = Invoice.vendorKey(submission.vendor());
        Invoice known = repository.byNumber(organisation, vendorKey, submission.invoiceNumber());
        if (known != null) {
            // Recognised before matching: the line's purchase order may have changed since.
            return alreadyRecorded(known, submission);
        }
        Match match = match(organisation, vendorKey, submission);
        guard.changeBudget(match.line().eventId(), Roles.FINANCE);
        EventBudget budget = budgets.lock(match.line().eventId());
        // A concurrent delivery of the same invoice may have been recorded while this one waited for the lock.
        known = repository.byNumber(organisation, vendorKey, submission.invoiceNumber());
        if (known != null) {
            return alreadyRecorded(known, submission);
        }
        LineItem line = lineItems.find(match.line().eventId(), match.line().lineId());
        Invoice credited = match.credited();
        String currency = submission.currency() != null ? submission.currency()
                : credited != null ? credited.currency : line.currency;
        Money.requireMinorUnit("amount", submission.amount(), Money.currency("currency", currency));
        Invoice invoice = newInvoice(budget, line, submission.kind(), match.by(), submission.vendor(),
                submission.invoiceNumber(), submission.amount(), currency, submission.issuedOn());
        if (credited != null) {
            Invoice.getEntityManager().refresh(credited);
            invoice.creditsInvoiceId = credited.id;
            invoice.lineAmount = creditInLineCurrency(credited, submission.amount(), currency, line);
            invoice.status = InvoiceStatus.POSTED;
        } else {
            invoice.lineAmount = inLineCurrency(budget, line, submission.amount(), currency);
            invoice.status = statusFor(line, invoice.lineAmount);
        }
        if (!repository.insertIfAbsent(invoice)) {
            return recordedBefore(invoice, null);
        }
        return recorded(budget, line, invoice);
    }

    /** Finance approves an invoice awaiting approval: it is posted and counts in the actual. */
    public InvoiceView approve(UUID invoiceId) {
        decide(invoiceId, InvoiceStatus.POSTED, null);
        return find(invoiceId);
    }

    /** Finance rejects an invoice awaiting approval: it never counts; its number stays recorded. */
    public InvoiceView reject(UUID invoiceId, String reason) {
        decide(invoiceId, InvoiceStatus.REJECTED, reason);
        return find(invoiceId);
    }

    /** One of the caller's organisation's invoices with its line's variance; another organisation's is a 404. */
    @Transactional
    public InvoiceView find(UUID invoiceId) {
        Invoice invoice = visible(invoiceId);
        return new InvoiceView(invoice, variance(invoice));
    }

    /** A page of the caller's organisation's invoices, oldest received first, after the invoice {@code after}. */
    @Transactional
    public List<Invoice> list(InvoiceRepository.Filter filter, UUID after, int limit) {
        String organisation = caller.organisation();
        Invoice from = null;
        if (after != null) {
            from = repository.find(organisation, after);
            if (from == null) {
                throw ProblemException.invalidField("after", "must be the id of an invoice of the previous page");
            }
        }
        return repository.page(organisation, filter, from, limit);
    }

    @Transactional
    void decide(UUID invoiceId, InvoiceStatus decision, String reason) {
        Invoice invoice = visible(invoiceId);
        guard.changeBudget(invoice.eventId, Roles.FINANCE);
        String actor = caller.subject();
        EventBudget budget = budgets.lock(invoice.eventId);
        Invoice.getEntityManager().refresh(invoice);
        if (invoice.status != InvoiceStatus.AWAITING_APPROVAL) {
            throw ProblemException.conflict("invoice-not-awaiting-approval", "invoice " + invoice.invoiceNumber
                    + " is " + invoice.status + "; only an invoice awaiting approval is approved or rejected");
        }
        if (Objects.equals(invoice.receivedBy, actor)) {
            throw new ProblemException(403, "own-invoice", "Forbidden",
                    "nobody approves or rejects an invoice they recorded; another member of finance must decide");
        }
        Instant now = clock.instant();
        invoice.status = decision;
        invoice.decidedBy = actor;
        invoice.decidedAt = now;
        invoice.rejectionReason = reason;
        if (decision == InvoiceStatus.POSTED) {
            post(budget, lineItems.find(invoice.eventId, invoice.lineId), invoice, actor, now);
        }
    }

    private Invoice visible(UUID invoiceId) {
        Invoice invoice = repository.find(caller.organisation(), invoiceId);
        if (invoice == null) {
            throw ProblemException.notFound("invoice", invoiceId);
        }
        guard.readBudget(invoice.eventId);
        return invoice;
    }

    /** The committed line the submission matches; a 422 naming why when there is none or more than one. */
    private Match match(String organisation, String vendorKey, Submission submission) {
        if (submission.kind() == InvoiceKind.CREDIT_NOTE) {
            if (submission.creditsInvoiceNumber() == null) {
                throw ProblemException.invalidField("creditsInvoiceNumber", "must name the invoice a credit note "
                        + "credits");
            }
            Invoice credited = repository.byNumber(organisation, vendorKey, submission.creditsInvoiceNumber());
            if (credited == null || credited.kind != InvoiceKind.INVOICE) {
                throw unmatched("creditsInvoiceNumber: the vendor has no invoice under this number in your "
                        + "organisation");
            }
            return new Match(new LineRef(credited.eventId, credited.lineId), InvoiceMatch.CREDITED_INVOICE, credited);
        }
        if (submission.creditsInvoiceNumber() != null) {
            throw ProblemException.invalidField("creditsInvoiceNumber", "only a credit note credits an invoice");
        }
        if (submission.poNumber() != null) {
            List<LineRef> lines = repository.committedLinesWithPurchaseOrder(organisation,
                    submission.poNumber().strip(), submission.eventId());
            if (lines.isEmpty()) {
                throw unmatched("poNumber: no committed line " + (submission.eventId() == null ? "of your "
                        + "organisation" : "of the event") + " carries this purchase order");
            }
            if (lines.size() > 1) {
                throw unmatched("poNumber: " + lines.size() + " committed lines carry this purchase order; "
                        + (submission.eventId() == null ? "give the eventId too" : "record it against its line"));
            }
            return new Match(lines.get(0), InvoiceMatch.PURCHASE_ORDER, null);
        }
        if (submission.eventId() != null) {
            List<LineRef> lines = repository.committedLinesOfVendor(organisation, submission.eventId(), vendorKey);
            if (lines.isEmpty()) {
                throw unmatched("vendor: no committed line of event " + submission.eventId() + " has this vendor");
            }
            if (lines.size() > 1) {
                throw unmatched("vendor: " + lines.size() + " committed lines of event " + submission.eventId()
                        + " have this vendor; give the poNumber");
            }
            return new Match(lines.get(0), InvoiceMatch.VENDOR_AND_EVENT, null);
        }
        throw ProblemException.invalidField("poNumber", "is needed to match an invoice, or the eventId of its "
                + "vendor's committed line");
    }

    private static ProblemException unmatched(String reason) {
        return new ProblemException(422, UNMATCHED, "Invoice not matched", reason);
    }

    private Invoice newInvoice(EventBudget budget, LineItem line, InvoiceKind kind, InvoiceMatch by, String vendor,
            String number, BigDecimal amount, String currency, LocalDate issuedOn) {
        Invoice invoice = new Invoice();
        invoice.id = UUID.randomUUID();
        invoice.organisation = budget.organisation;
        invoice.vendorKey = Invoice.vendorKey(vendor);
        invoice.vendor = vendor.strip();
        invoice.invoiceNumber = number;
        invoice.eventId = line.eventId;
        invoice.lineId = line.id;
        invoice.kind = kind;
        invoice.matchedBy = by;
        invoice.amount = amount;
        invoice.currency = currency;
        invoice.issuedOn = issuedOn;
        invoice.receivedAt = clock.instant();
        invoice.receivedBy = caller.subject();
        return invoice;
    }

    /** The amount converted into the line's currency at the organisation's current rate. */
    private BigDecimal inLineCurrency(EventBudget budget, LineItem line, BigDecimal amount, String currency) {
        if (currency.equals(line.currency)) {
            return amount;
        }
        BigDecimal converted = Money.times(amount, rates.require(budget.organisation, currency, line.currency),
                line.currency());
        if (converted.signum() <= 0) {
            throw ProblemException.invalidField("amount", "is less than the smallest unit of the line's currency "
                    + line.currency);
        }
        return converted;
    }

    /**
     * What a credit note takes back of the credited invoice, in the line's currency: its share of the invoice's
     * converted amount (at the invoice's rate), all that is left when it credits the rest.
     */
    private BigDecimal creditInLineCurrency(Invoice credited, BigDecimal amount, String currency, LineItem line) {
        if (credited.status != InvoiceStatus.POSTED) {
            throw ProblemException.conflict("invoice-not-posted", "invoice " + credited.invoiceNumber + " is "
                    + credited.status + "; only a posted invoice can be credited");
        }
        if (!currency.equals(credited.currency)) {
            throw ProblemException.invalidField("currency", "must be the credited invoice's currency "
                    + credited.currency);
        }
        InvoiceRepository.Credited so = repository.credited(credited.id);
        BigDecimal left = credited.amount.subtract(so.amount());
        if (amount.compareTo(left) > 0) {
            throw ProblemException.conflict("credit-exceeds-invoice", "credit notes may take back at most "
                    + Money.atScale(left, currency) + " " + currency + " more of invoice " + credited.invoiceNumber);
        }
        BigDecimal leftInLine = credited.lineAmount.subtract(so.lineAmount());
        BigDecimal share = amount.compareTo(left) == 0 ? leftInLine
                : Money.per(credited.lineAmount.multiply(amount), credited.amount, line.currency()).min(leftInLine);
        if (share.signum() <= 0) {
            throw ProblemException.invalidField("amount", "is less than the smallest unit of the line's currency "
                    + line.currency);
        }
        return share;
    }

    /** POSTED within the tolerance over the commitment; AWAITING_APPROVAL above it. */
    private InvoiceStatus statusFor(LineItem line, BigDecimal lineAmount) {
        return line.actualAmount.add(lineAmount).compareTo(toleranceLimit(line)) > 0
                ? InvoiceStatus.AWAITING_APPROVAL : InvoiceStatus.POSTED;
    }

    private BigDecimal toleranceLimit(LineItem line) {
        BigDecimal factor = BigDecimal.ONE.add(config.invoices().tolerancePercent().movePointLeft(2));
        return Money.times(line.committedAmount, factor, line.currency());
    }

    private Recorded recorded(EventBudget budget, LineItem line, Invoice invoice) {
        if (invoice.status == InvoiceStatus.POSTED) {
            post(budget, line, invoice, invoice.receivedBy, invoice.receivedAt);
        }
        Invoice stored = Invoice.findById(invoice.id);
        Variance variance = variance(stored);
        if (stored.status == InvoiceStatus.AWAITING_APPROVAL) {
            outbox.append(BudgetEvents.INVOICE_AWAITING_APPROVAL, BudgetEvents.AGGREGATE, stored.eventId,
                    new BudgetEvents.InvoiceAwaitingApproval(stored.eventId, stored.id, stored.lineId, stored.vendor,
                            stored.invoiceNumber, Money.atScale(stored.lineAmount, line.currency),
                            variance.committed(), variance.invoiced(), variance.toleranceLimit(),
                            variance.currency()));
        }
        return new Recorded(new InvoiceView(stored, variance), true);
    }

    /** The invoice counts in its line's actual from now: an ACTUAL ledger entry and a new forecast. */
    private void post(EventBudget budget, LineItem line, Invoice invoice, String actor, Instant now) {
        BigDecimal amount = invoice.signedLineAmount();
        BudgetFigures.LineFigures before = lineItems.figures(budget, line);
        line.actualAmount = line.actualAmount.add(amount);
        line.updatedAt = now;
        BudgetFigures.LineFigures after = lineItems.figures(budget, line);
        String what = invoice.kind == InvoiceKind.CREDIT_NOTE ? "credit note " : "invoice ";
        ledger.record(LedgerKind.ACTUAL, budget, line, amount, line.lockedRate,
                after.actual().subtract(before.actual()), invoice.id, invoice.vendor,
                what + invoice.invoiceNumber + " of " + invoice.vendor, actor, now);
        forecasts.recompute(budget);
    }

    private Recorded recordedBefore(Invoice candidate, UUID lineId) {
        Invoice existing = repository.byNumber(candidate.organisation, candidate.vendorKey, candidate.invoiceNumber);
        boolean same = existing.kind == candidate.kind && (lineId == null || existing.lineId.equals(lineId))
                && existing.amount.compareTo(candidate.amount) == 0 && existing.currency.equals(candidate.currency)
                && existing.issuedOn.equals(candidate.issuedOn);
        return sameOrConflict(existing, same);
    }

    private Recorded alreadyRecorded(Invoice existing, Submission submission) {
        boolean same = existing.kind == submission.kind() && existing.amount.compareTo(submission.amount()) == 0
                && (submission.currency() == null || existing.currency.equals(submission.currency()))
                && existing.issuedOn.equals(submission.issuedOn());
        return sameOrConflict(existing, same);
    }

    private Recorded sameOrConflict(Invoice existing, boolean same) {
        if (!same) {
            throw ProblemException.conflict("invoice-conflict", existing.kind.name().toLowerCase().replace('_', ' ')
                    + " " + existing.invoiceNumber + " of " + existing.vendor + " was already recorded with other "
                    + "details (" + existing.amount + " " + existing.currency + " on line " + existing.lineId
                    + ", issued " + existing.issuedOn + ")");
        }
        return new Recorded(new InvoiceView(existing, variance(existing)), false);
    }

    /** The line's invoices against its commitment as they are now (posted and awaiting approval). */
    private Variance variance(Invoice invoice) {
        Invoice.flush();
        LineItem line = LineItem.findById(invoice.lineId);
        if (!line.isCommitted()) {
            return null;
        }
        BigDecimal invoiced = line.actualAmount.add(repository.awaitingApproval(line.id));
        BigDecimal variance = invoiced.subtract(line.committedAmount);
        BigDecimal percent = line.committedAmount.signum() == 0 ? null
                : variance.multiply(BigDecimal.valueOf(100)).divide(line.committedAmount, 2, RoundingMode.HALF_EVEN);
        String currency = line.currency;
        return new Variance(currency, Money.atScale(line.committedAmount, currency), Money.atScale(invoiced, currency),
                Money.atScale(variance, currency), percent, toleranceLimit(line));
    }
}
