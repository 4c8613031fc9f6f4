package app.convene.budget.service;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.budget.config.BudgetConfig;
import app.convene.budget.domain.LedgerKind;
import app.convene.backbone.money.Money;

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

    @Inject
    EntityManager entityManager;
    @Inject
    ObjectMapper objectMapper;
    @Inject
    BudgetConfig config;
    @Inject
    Caller caller;

    public record Period(LocalDate from, LocalDate to) {
        public Period {
            if (to.isBefore(from)) {
                throw ProblemException.invalidField("to", "must not be before from");
            }
        }

        Instant start() {
            return from.atStartOfDay().toInstant(ZoneOffset.UTC);
        }

        Instant end() {
            return to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
    }

    /** One side of a journal entry. Amounts are positive; {@code side} says debit or credit. */
    public record JournalLine(String id, UUID entryId, Instant postedAt, String entryType, String side,
            String glAccount, String costCentre, String poNumber, UUID eventId, UUID lineItemId, String vendor,
            BigDecimal amount, String currency, BigDecimal originalAmount, String originalCurrency, BigDecimal rate,
            String description) {
    }

    /** Debits and credits of one currency. */
    public record Balance(String currency, BigDecimal debit, BigDecimal credit) {
    }

    /** The JSON document's shape (written line by line by {@link JournalWriter}, never built in memory). */
    public record Journal(Period period, List<JournalLine> lines, List<Balance> balances) {
    }

    /** The two file formats of the journal. */
    public enum Format {
        CSV("text/csv", "csv"), JSON("application/json", "json");

        public final String mediaType;
        public final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }
    }

    /**
     * What an export of the period covers: the organisation's posted ledger entries up to the newest one now, and how
     * many journal lines they make (two each). Entries recorded later are left out, so an export's line count is
     * known upfront.
     */
    public record Snapshot(String organisation, long upToLedgerId, long lines) {
    }

    /** The entries of the organisation's budgets, as a JPQL condition on the ledger entry {@code e}. */
    private static final String OF_ORGANISATION =
            "e.eventId in (select b.eventId from EventBudget b where b.organisation = :organisation)";

    @Transactional
    public Snapshot snapshot(String organisation, Period period) {
        long upTo = entityManager.createQuery("select coalesce(max(e.id), 0) from LedgerEntry e", Long.class)
                .getSingleResult();
        long entries = entityManager.createQuery("""
                select count(e) from LedgerEntry e
                where e.occurredAt >= :start and e.occurredAt < :end and e.kind in :kinds and e.id <= :upTo
                """ + " and " + OF_ORGANISATION, Long.class)
                .setParameter("organisation", organisation).setParameter("start", period.start())
                .setParameter("end", period.end()).setParameter("kinds", POSTED).setParameter("upTo", upTo)
                .getSingleResult();
        return new Snapshot(organisation, upTo, 2 * entries);
    }

    /**
     * The snapshot of the caller's organisation's journal of a period small enough to export at once; a 413 pointing
     * at the export jobs otherwise.
     */
    public Snapshot synchronous(Period period, Format format) {
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
    public void write(Period period, Format format, Snapshot snapshot, int entriesPerPage, OutputStream out,
            Progress progress) throws IOException {
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
    public Page page(String organisation, Period period, long afterLedgerId, long upToLedgerId, int entries) {
        List<Object[]> rows = entityManager.createQuery("""
                select e.id, e.entryId, e.occurredAt, e.kind, e.glAccount, e.costCentre, e.poNumber, e.eventId,
                       e.lineId, e.vendor, e.budgetAmount, e.budgetCurrency, e.amount, e.currency, e.rate,
                       e.description
                from LedgerEntry e
                where e.occurredAt >= :start and e.occurredAt < :end and e.kind in :kinds and e.id > :after
                  and e.id <= :upTo
                """ + " and " + OF_ORGANISATION + " order by e.id", Object[].class)
                .setParameter("organisation", organisation).setParameter("start", period.start())
                .setParameter("end", period.end()).setParameter("kinds", POSTED).setParameter("after", afterLedgerId)
                .setParameter("upTo", upToLedgerId).setMaxResults(entries).getResultList();
        List<JournalLine> lines = new ArrayList<>(rows.size() * 2);
        long lastLedgerId = afterLedgerId;
        for (Object[] row : rows) {
            lastLedgerId = (Long) row[0];
            UUID entryId = (UUID) row[1];
            LedgerKind kind = (LedgerKind) row[3];
            String budgetCurrency = ((String) row[11]).strip();
            String originalCurrency = ((String) row[13]).strip();
            BigDecimal budgetAmount = Money.round((BigDecimal) row[10], Currency.getInstance(budgetCurrency));
            BigDecimal original = Money.round((BigDecimal) row[12], Currency.getInstance(originalCurrency));
            String debitAccount = kind == LedgerKind.ACTUAL ? (String) row[4] : config.journal().commitmentAccount();
            String creditAccount = kind == LedgerKind.ACTUAL ? config.journal().payableAccount()
                    : config.journal().commitmentReserveAccount();
            if (budgetAmount.signum() < 0) {
                String swap = debitAccount;
                debitAccount = creditAccount;
                creditAccount = swap;
            }
            for (String side : List.of("DEBIT", "CREDIT")) {
                String account = side.equals("DEBIT") ? debitAccount : creditAccount;
                lines.add(new JournalLine(entryId + (side.equals("DEBIT") ? "-D" : "-C"), entryId, (Instant) row[2],
                        kind == LedgerKind.ACTUAL ? "INVOICE" : "PURCHASE_ORDER", side, account, (String) row[5],
                        (String) row[6], (UUID) row[7], (UUID) row[8], (String) row[9], budgetAmount.abs(),
                        budgetCurrency, original.abs(), originalCurrency, (BigDecimal) row[14],
                        (String) row[15]));
            }
        }
        return new Page(lines, lastLedgerId);
    }
}
