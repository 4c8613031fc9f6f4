package app.convene.budget.service;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.money.Money;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.budget.config.BudgetConfig;
import app.convene.budget.domain.Journal;
import app.convene.budget.domain.JournalLine;
import app.convene.budget.domain.LedgerKind;
import app.convene.budget.persistence.LedgerRepository;

/**
 * Journal lines for the corporate finance system, derived from the ledger: each commitment or invoice entry becomes
 * one debit and one credit of the same amount, so every export balances. Ids derive from the ledger entry's id and
 * lines come in ledger order, so exporting the same period again gives the identical document.
 *
 * <ul>
 * <li>invoice (ACTUAL): debit the line's GL account, credit accounts payable;</li>
 * <li>purchase order (COMMITMENT): debit the commitment account, credit the commitment reserve.</li>
 * </ul>
 * A negative change (a purchase order amended down) swaps the sides. Estimates are not posted. A journal is one
 * organisation's: only the entries of its own events' budgets.
 */
@ApplicationScoped
public class FinanceExport {
    private static final List<LedgerKind> POSTED = List.of(LedgerKind.COMMITMENT, LedgerKind.ACTUAL);
    /** Ledger entries read per query of the synchronous export (two journal lines each). */
    static final int PAGE_ENTRIES = 2500;

    @Inject
    LedgerRepository ledger;
    @Inject
    ObjectMapper objectMapper;
    @Inject
    BudgetConfig config;
    @Inject
    Caller caller;

    /**
     * What an export of the period covers: the organisation's posted ledger entries up to the newest one now, and how
     * many journal lines they make (two each). Entries recorded later are left out, so an export's line count is
     * known upfront.
     */
    public record Snapshot(String organisation, long upToLedgerId, long lines) {
    }

    @Transactional
    public Snapshot snapshot(String organisation, Journal.Period period) {
        long upTo = ledger.newestId();
        long entries = ledger.countInPeriod(organisation, period.start(), period.end(), POSTED, upTo);
        return new Snapshot(organisation, upTo, 2 * entries);
    }

    /**
     * The caller's organisation's journal of a period small enough to export at once, to be streamed as it is read,
     * a page of ledger entries at a time (never held in memory); a 413 pointing at the export jobs otherwise.
     */
    public JournalFile journal(Journal.Period period, Journal.Format format) {
        Snapshot snapshot = synchronous(period, format);
        return new JournalFile(period, format, out -> write(period, format, snapshot, PAGE_ENTRIES, out, lines -> {
        }));
    }

    /**
     * The snapshot of the caller's organisation's journal of a period small enough to export at once; a 413 pointing
     * at the export jobs otherwise.
     */
    Snapshot synchronous(Journal.Period period, Journal.Format format) {
        Snapshot snapshot = snapshot(caller.organisation(), period);
        int limit = config.export().synchronousLimit();
        if (snapshot.lines() > limit) {
            throw new ProblemException(413, "export-too-large", "Export too large", "the period holds "
                    + snapshot.lines() + " journal lines, more than the " + limit + " exported at once; start an "
                    + "export job with POST /api/finance/exports and the body {\"from\": \"" + period.from()
                    + "\", \"to\": \"" + period.to() + "\", \"format\": \"" + format + "\"}, then follow its "
                    + "Location (GET /api/finance/exports/{id}) until it is DONE and download "
                    + "GET /api/finance/exports/{id}/file");
        }
        return snapshot;
    }

    /** Told after each page how many lines were written in all; the writer was flushed before. */
    @FunctionalInterface
    public interface Progress {
        void written(long lines) throws IOException;
    }

    /**
     * Writes the journal of the period (entries up to the snapshot) to {@code out}, a page of ledger entries at a
     * time, each page read in its own short transaction. The output is left open.
     */
    public void write(Journal.Period period, Journal.Format format, Snapshot snapshot, int entriesPerPage,
            OutputStream out, Progress progress) throws IOException {
        JournalWriter writer = JournalWriter.of(format, out, period, objectMapper);
        long after = 0;
        long written = 0;
        while (true) {
            Page page = page(snapshot.organisation(), period, after, snapshot.upToLedgerId(), entriesPerPage);
            if (page.lines().isEmpty()) {
                break;
            }
            for (JournalLine line : page.lines()) {
                writer.write(line);
            }
            written += page.lines().size();
            after = page.lastLedgerId();
            writer.flush();
            progress.written(written);
        }
        writer.finish();
    }

    /** Journal lines of a run of ledger entries, and the ledger id to continue after. */
    public record Page(List<JournalLine> lines, long lastLedgerId) {
    }

    /**
     * A page of journal lines of the organisation's entries with ledger id above {@code afterLedgerId}, in ledger
     * order.
     */
    @Transactional
    public Page page(String organisation, Journal.Period period, long afterLedgerId, long upToLedgerId,
            int entries) {
        List<LedgerRepository.EntryRow> rows = ledger.pageInPeriod(organisation, period.start(), period.end(), POSTED,
                afterLedgerId, upToLedgerId, entries);
        List<JournalLine> lines = new ArrayList<>(rows.size() * 2);
        long lastLedgerId = afterLedgerId;
        for (LedgerRepository.EntryRow row : rows) {
            lastLedgerId = row.id();
            LedgerKind kind = row.kind();
            String budgetCurrency = row.budgetCurrency().strip();
            String originalCurrency = row.currency().strip();
            BigDecimal budgetAmount = Money.round(row.budgetAmount(), Currency.getInstance(budgetCurrency));
            BigDecimal original = Money.round(row.amount(), Currency.getInstance(originalCurrency));
            String debitAccount = kind == LedgerKind.ACTUAL ? row.glAccount() : config.journal().commitmentAccount();
            String creditAccount = kind == LedgerKind.ACTUAL ? config.journal().payableAccount()
                    : config.journal().commitmentReserveAccount();
            if (budgetAmount.signum() < 0) {
                String swap = debitAccount;
                debitAccount = creditAccount;
                creditAccount = swap;
            }
            for (String side : List.of("DEBIT", "CREDIT")) {
                String account = side.equals("DEBIT") ? debitAccount : creditAccount;
                lines.add(new JournalLine(row.entryId() + (side.equals("DEBIT") ? "-D" : "-C"), row.entryId(),
                        row.occurredAt(), kind == LedgerKind.ACTUAL ? "INVOICE" : "PURCHASE_ORDER", side, account,
                        row.costCentre(), row.poNumber(), row.eventId(), row.lineId(), row.vendor(),
                        budgetAmount.abs(), budgetCurrency, original.abs(), originalCurrency, row.rate(),
                        row.description()));
            }
        }
        return new Page(lines, lastLedgerId);
    }
}
