package app.convene.budget.service;

import app.convene.backbone.money.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.access.EventAccessGuard;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.budget.domain.BudgetFigures;
import app.convene.budget.domain.EventBudget;
import app.convene.budget.domain.Invoice;
import app.convene.budget.domain.LedgerKind;
import app.convene.budget.domain.LineItem;
import app.convene.budget.persistence.InvoiceRepository;

/**
 * Vendor invoices, recorded by finance, idempotent by vendor and invoice number within the organisation: the
 * database's unique key decides which of several concurrent deliveries records the invoice; the others find it and
 * are answered with it, or with a 409 when they carry a different amount or line under the same number.
 */
@ApplicationScoped
public class Invoices {
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
    EventAccessGuard guard;
    @Inject
    Caller caller;

    public record InvoiceDraft(String vendor, String invoiceNumber, BigDecimal amount, String currency,
            LocalDate issuedOn) {
    }

    public record Recorded(Invoice invoice, boolean created) {
    }

    @Transactional
    public Recorded record(UUID eventId, UUID lineId, InvoiceDraft draft) {
        guard.changeBudget(eventId, Roles.FINANCE);
        String actor = caller.subject();
        EventBudget budget = budgets.lock(eventId);
        LineItem line = lineItems.find(eventId, lineId);
        LineItems.requireNotWithdrawn(line);
        String currency = draft.currency() == null ? line.currency : draft.currency();
        if (!currency.equals(line.currency)) {
            throw ProblemException.invalidField("currency", "must be the line's currency " + line.currency);
        }
        Money.requireMinorUnit("amount", draft.amount(), line.currency());
        Invoice invoice = new Invoice();
        invoice.id = UUID.randomUUID();
        invoice.organisation = budget.organisation;
        invoice.vendorKey = Invoice.vendorKey(draft.vendor());
        invoice.vendor = draft.vendor().strip();
        invoice.invoiceNumber = draft.invoiceNumber();
        invoice.eventId = eventId;
        invoice.lineId = lineId;
        invoice.amount = draft.amount();
        invoice.currency = currency;
        invoice.issuedOn = draft.issuedOn();
        invoice.receivedAt = clock.instant();
        invoice.receivedBy = actor;
        // The unique key (vendor, number) settles races; a clash waits for the other transaction and then finds it.
        if (!repository.insertIfAbsent(invoice)) {
            Invoice existing = repository.byNumber(budget.organisation, invoice.vendorKey, draft.invoiceNumber());
            boolean same = existing.lineId.equals(lineId) && existing.amount.compareTo(draft.amount()) == 0
                    && existing.currency.equals(currency) && existing.issuedOn.equals(draft.issuedOn());
            if (!same) {
                throw ProblemException.conflict("invoice-conflict", "invoice " + draft.invoiceNumber() + " of "
                        + existing.vendor + " was already recorded with other details (" + existing.amount + " "
                        + existing.currency + " on line " + existing.lineId + ", issued " + existing.issuedOn + ")");
            }
            return new Recorded(existing, false);
        }
        if (!line.isCommitted()) {
            // Checked after the insert so that a re-sent invoice is still recognised; this rolls the insert back.
            throw ProblemException.conflict("line-not-committed",
                    "line " + lineId + " has no purchase order; commit it before recording invoices");
        }
        Instant now = invoice.receivedAt;
        BudgetFigures.LineFigures before = lineItems.figures(budget, line);
        line.actualAmount = line.actualAmount.add(draft.amount());
        line.updatedAt = now;
        BudgetFigures.LineFigures after = lineItems.figures(budget, line);
        ledger.record(LedgerKind.ACTUAL, budget, line, draft.amount(), line.lockedRate,
                after.actual().subtract(before.actual()), invoice.id, invoice.vendor,
                "invoice " + draft.invoiceNumber() + " of " + draft.vendor().strip(), actor, now);
        forecasts.recompute(budget);
        return new Recorded(Invoice.findById(invoice.id), true);
    }
}
