package app.convene.budget.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import app.convene.backbone.problem.ProblemException;
import app.convene.budget.config.BudgetConfig;
import app.convene.budget.domain.LedgerKind;
import app.convene.budget.domain.Money;

/**
 * Journal lines for the corporate finance system, derived from the ledger: each commitment or invoice entry becomes
 * one debit and one credit of the same amount, so every export balances. Ids derive from the ledger entry's id and
 * lines come in ledger order, so exporting the same period again gives the identical document.
 *
 * <ul>
 * <li>invoice (ACTUAL): debit the line's GL account, credit accounts payable;</li>
 * <li>purchase order (COMMITMENT): debit the commitment account, credit the commitment reserve.</li>
 * </ul>
 * A negative change (a purchase order amended down) swaps the sides. Estimates are not posted.
 */
@ApplicationScoped
public class FinanceExport {
    @Inject
    EntityManager entityManager;
    @Inject
    BudgetConfig config;

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

    public record Journal(Period period, List<JournalLine> lines, List<Balance> balances) {
    }

    /** How many journal lines the period holds (two per posted ledger entry). */
    @Transactional
    public long countLines(Period period) {
        return 2 * entityManager.createQuery("""
                select count(e) from LedgerEntry e
                where e.occurredAt >= :start and e.occurredAt < :end and e.kind in :kinds""", Long.class)
                .setParameter("start", period.start()).setParameter("end", period.end())
                .setParameter("kinds", List.of(LedgerKind.COMMITMENT, LedgerKind.ACTUAL)).getSingleResult();
    }

    /** The journal of a period, refused when larger than a synchronous export may be. */
    @Transactional
    public Journal journal(Period period) {
        long count = countLines(period);
        if (count > config.export().synchronousLimit()) {
            throw new ProblemException(413, "export-too-large", "Export too large", "the period holds " + count
                    + " journal lines, more than " + config.export().synchronousLimit()
                    + " exported at once; start an export job with POST /api/finance/exports");
        }
        List<JournalLine> lines = new ArrayList<>((int) count);
        long after = 0;
        while (true) {
            Page page = page(period, after, 5000);
            if (page.lines().isEmpty()) {
                break;
            }
            lines.addAll(page.lines());
            after = page.lastLedgerId();
        }
        return new Journal(period, lines, balances(lines));
    }

    /** Journal lines of a run of ledger entries, and the ledger id to continue after. */
    public record Page(List<JournalLine> lines, long lastLedgerId) {
    }

    /** A page of journal lines of entries with ledger id above {@code afterLedgerId}, in ledger order. */
    @Transactional
    public Page page(Period period, long afterLedgerId, int entries) {
        List<Object[]> rows = entityManager.createQuery("""
                select e.id, e.entryId, e.occurredAt, e.kind, e.glAccount, e.costCentre, e.poNumber, e.eventId,
                       e.lineId, e.vendor, e.budgetAmount, e.budgetCurrency, e.amount, e.currency, e.rate,
                       e.description
                from LedgerEntry e
                where e.occurredAt >= :start and e.occurredAt < :end and e.kind in :kinds and e.id > :after
                order by e.id""", Object[].class)
                .setParameter("start", period.start()).setParameter("end", period.end())
                .setParameter("kinds", List.of(LedgerKind.COMMITMENT, LedgerKind.ACTUAL))
                .setParameter("after", afterLedgerId).setMaxResults(entries).getResultList();
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

    public static List<Balance> balances(List<JournalLine> lines) {
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        for (JournalLine line : lines) {
            BigDecimal[] sum = sums.computeIfAbsent(line.currency(), c -> new BigDecimal[] { BigDecimal.ZERO,
                    BigDecimal.ZERO });
            sum[line.side().equals("DEBIT") ? 0 : 1] = sum[line.side().equals("DEBIT") ? 0 : 1].add(line.amount());
        }
        List<Balance> balances = new ArrayList<>();
        sums.forEach((currency, sum) -> balances.add(new Balance(currency, sum[0], sum[1])));
        return balances;
    }
}
