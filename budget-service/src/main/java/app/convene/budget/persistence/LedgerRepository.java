package app.convene.budget.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import app.convene.budget.domain.LedgerEntry;
import app.convene.budget.domain.LedgerKind;

/** Reads the append-only ledger ({@code ledger_entry}); entries are written as entities, never changed. */
@ApplicationScoped
public class LedgerRepository {
    /** The entries of the organisation's budgets, as a JPQL condition on the ledger entry {@code e}. */
    private static final String OF_ORGANISATION =
            "e.eventId in (select b.eventId from EventBudget b where b.organisation = :organisation)";

    @Inject
    EntityManager entityManager;

    /** What a journal line is made of: an entry's fields, with its id (the ledger order). */
    public record EntryRow(long id, UUID entryId, Instant occurredAt, LedgerKind kind, String glAccount,
            String costCentre, String poNumber, UUID eventId, UUID lineId, String vendor, BigDecimal budgetAmount,
            String budgetCurrency, BigDecimal amount, String currency, BigDecimal rate, String description) {
    }

    /** The budget's entries, oldest first. */
    public List<LedgerEntry> ofBudget(UUID eventId) {
        return LedgerEntry.list("eventId = ?1 order by id", eventId);
    }

    /** The id of the newest entry of any budget; 0 when there is none. */
    public long newestId() {
        return entityManager.createQuery("select coalesce(max(e.id), 0) from LedgerEntry e", Long.class)
                .getSingleResult();
    }

    /** How many of the organisation's entries of these kinds occurred in [start, end), up to ledger id upTo. */
    public long countInPeriod(String organisation, Instant start, Instant end, List<LedgerKind> kinds, long upTo) {
        return entityManager.createQuery("""
                select count(e) from LedgerEntry e
                where e.occurredAt >= :start and e.occurredAt < :end and e.kind in :kinds and e.id <= :upTo
                """ + " and " + OF_ORGANISATION, Long.class)
                .setParameter("organisation", organisation).setParameter("start", start)
                .setParameter("end", end).setParameter("kinds", kinds).setParameter("upTo", upTo)
                .getSingleResult();
    }

    /**
     * At most {@code limit} of the organisation's entries of these kinds that occurred in [start, end), with a ledger
     * id above {@code after} and up to {@code upTo}, in ledger order.
     */
    public List<EntryRow> pageInPeriod(String organisation, Instant start, Instant end, List<LedgerKind> kinds,
            long after, long upTo, int limit) {
        List<Object[]> rows = entityManager.createQuery("""
                select e.id, e.entryId, e.occurredAt, e.kind, e.glAccount, e.costCentre, e.poNumber, e.eventId,
                       e.lineId, e.vendor, e.budgetAmount, e.budgetCurrency, e.amount, e.currency, e.rate,
                       e.description
                from LedgerEntry e
                where e.occurredAt >= :start and e.occurredAt < :end and e.kind in :kinds and e.id > :after
                  and e.id <= :upTo
                """ + " and " + OF_ORGANISATION + " order by e.id", Object[].class)
                .setParameter("organisation", organisation).setParameter("start", start)
                .setParameter("end", end).setParameter("kinds", kinds).setParameter("after", after)
                .setParameter("upTo", upTo).setMaxResults(limit).getResultList();
        List<EntryRow> entries = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            entries.add(new EntryRow((Long) row[0], (UUID) row[1], (Instant) row[2], (LedgerKind) row[3],
                    (String) row[4], (String) row[5], (String) row[6], (UUID) row[7], (UUID) row[8], (String) row[9],
                    (BigDecimal) row[10], (String) row[11], (BigDecimal) row[12], (String) row[13],
                    (BigDecimal) row[14], (String) row[15]));
        }
        return entries;
    }
}
