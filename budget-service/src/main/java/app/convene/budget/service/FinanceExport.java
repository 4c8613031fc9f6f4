package app.convene.budget.service;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * lines come in ledger order, so exporting the same period again gives the identical document. The file is CSV, JSON
 * or SIE 4 (see {@link JournalWriter}).
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
    @Inject
    JournalMarkers markers;

    /**
     * What an export of the period covers: the organisation's posted ledger entries after ledger id
     * {@code afterLedgerId} (0: all; the exported-up-to marker: only what is new) up to the newest one now, and how
     * many journal lines they make (two each). Entries recorded later are left out, so an export's line count is
     * known upfront.
     */
    public record Snapshot(String organisation, long afterLedgerId, long upToLedgerId, long lines) {
    }

    /**
     * Fixes what an export covers. It first waits for the transactions writing ledger entries right now to end, so
     * every entry up to the newest id is committed and none with a lower id can appear later: exporting up to it and
     * then only what came after misses nothing.
     */
    @Transactional
    public Snapshot snapshot(String organisation, Journal.Period period, long afterLedgerId) {
        ledger.awaitWriters();
        long upTo = ledger.newestId();
        long entries = ledger.countInPeriod(organisation, period.start(), period.end(), POSTED, afterLedgerId, upTo);
        return new Snapshot(organisation, afterLedgerId, upTo, 2 * entries);
    }

    /**
     * The caller's organisation's journal of a period small enough to export at once, to be streamed as it is read,
     * a page of ledger entries at a time (never held in memory); a 413 pointing at the export jobs otherwise. Only
     * the entries after the exported-up-to marker when {@code sinceMarker}.
     */
    public JournalFile journal(Journal.Period period, Journal.Format format, boolean sinceMarker) {
        Snapshot snapshot = synchronous(period, format, sinceMarker);
        if (format == Journal.Format.SIE4) {
            sieHeader(period, snapshot);
        }
        return new JournalFile(period, format, snapshot.upToLedgerId(),
                out -> write(period, format, snapshot, PAGE_ENTRIES, out, lines -> {
                }));
    }

    /**
     * The snapshot of the caller's organisation's journal of a period small enough to export at once; a 413 pointing
     * at the export jobs otherwise.
     */
    Snapshot synchronous(Journal.Period period, Journal.Format format, boolean sinceMarker) {
        String organisation = caller.organisation();
        Snapshot snapshot = snapshot(organisation, period, sinceMarker ? markers.upTo(organisation) : 0);
        int limit = config.export().synchronousLimit();
        if (snapshot.lines() > limit) {
            throw new ProblemException(413, "export-too-large", "Export too large", "the period holds "
                    + snapshot.lines() + " journal lines, more than the " + limit + " exported at once; start an "
                    + "export job with POST /api/finance/exports and the body {\"from\": \"" + period.from()
                    + "\", \"to\": \"" + period.to() + "\", \"format\": \"" + format + "\""
                    + (sinceMarker ? ", \"since\": \"marker\"" : "") + "}, then follow its "
                    + "Location (GET /api/finance/exports/{id}) until it is DONE and download "
                    + "GET /api/finance/exports/{id}/file");
        }
        return snapshot;
    }

    /**
     * What the SIE file of the snapshot lists first. Its amounts are in one currency: the one the period's budgets
     * share ({@code budget.default-currency} for an empty period); a 409 when they are in several.
     */
    @Transactional
    public JournalWriter.SieHeader sieHeader(Journal.Period period, Snapshot snapshot) {
        LedgerRepository.Contents contents = ledger.contentsInPeriod(snapshot.organisation(), period.start(),
                period.end(), POSTED, snapshot.afterLedgerId(), snapshot.upToLedgerId());
        // The file's currency is the one the period's budgets share (a Swedish company's SEK); an empty period's
        // is the reporting currency. SIE 4 has no place for a second one.
        List<String> used = contents.budgetCurrencies().stream().distinct().sorted().toList();
        String currency = used.size() == 1 ? used.get(0) : config.defaultCurrency();
        if (used.size() > 1) {
            throw ProblemException.conflict("sie-currency-mixed", "a SIE file holds amounts in one currency; the "
                    + "period holds entries of budgets in " + used + " (SIE 4 has no place for a second currency): "
                    + "export it as CSV or JSON, which carry the currency of every line, or a period of budgets in "
                    + "one currency");
        }
        Map<String, String> accounts = new TreeMap<>();
        for (String account : contents.expenseAccounts()) {
            accounts.put(account, "Kostnader " + account);
        }
        if (contents.kinds().contains(LedgerKind.ACTUAL)) {
            accounts.put(config.journal().payableAccount(), "Leverantörsskulder");
        }
        if (contents.kinds().contains(LedgerKind.COMMITMENT)) {
            accounts.put(config.journal().commitmentAccount(), "Åtaganden enligt inköpsorder");
            accounts.put(config.journal().commitmentReserveAccount(), "Reserv för åtaganden");
        }
        Map<String, String> events = new LinkedHashMap<>();
        for (LedgerRepository.EventTitle event : contents.events()) {
            events.put(event.eventId().toString(), event.title() == null ? event.eventId().toString() : event.title());
        }
        LocalDate generated = contents.newest() == null ? period.from()
                : LocalDate.ofInstant(contents.newest(), ZoneOffset.UTC);
        return new JournalWriter.SieHeader(snapshot.organisation(), period, currency, generated, accounts,
                contents.costCentres(), events);
    }

    /** Told after each page how many lines were written in all; the writer was flushed before. */
    @FunctionalInterface
    public interface Progress {
        void written(long lines) throws IOException;
    }

    /**
     * Writes the journal of the period (entries of the snapshot) to {@code out}, a page of ledger entries at a
     * time, each page read in its own short transaction. The output is left open.
     */
    public void write(Journal.Period period, Journal.Format format, Snapshot snapshot, int entriesPerPage,
            OutputStream out, Progress progress) throws IOException {
        JournalWriter writer = format == Journal.Format.SIE4 ? JournalWriter.sie(out, sieHeader(period, snapshot))
                : JournalWriter.of(format, out, period, objectMapper);
        long after = snapshot.afterLedgerId();
        long written = 0;
        while (true) {
            Page page = page(snapshot.organisation(), period, after, snapshot.upToLedgerId(), entriesPerPage);
            if (page.lines().isEmpty()) {
                break;
            }
            for (int i = 0; i < page.lines().size(); i++) {
                writer.write(page.ledgerIds().get(i / 2), page.lines().get(i));
            }
            written += page.lines().size();
            after = page.lastLedgerId();
            writer.flush();
            progress.written(written);
        }
        writer.finish();
    }

    /**
     * Journal lines of a run of ledger entries (two each, a debit and a credit), the entries' ledger ids, and the
     * ledger id to continue after.
     */
    public record Page(List<JournalLine> lines, List<Long> ledgerIds, long lastLedgerId) {
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
        List<Long> ledgerIds = new ArrayList<>(rows.size());
        long lastLedgerId = afterLedgerId;
        for (LedgerRepository.EntryRow row : rows) {
            lastLedgerId = row.id();
            ledgerIds.add(row.id());
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
        return new Page(lines, ledgerIds, lastLedgerId);
    }
}
