package app.convene.budget.persistence;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hibernate.Session;

import app.convene.budget.domain.LedgerEntry;
import app.convene.budget.domain.LedgerKind;

/** Reads the append-only ledger ({@code ledger_entry}); entries are written as entities, never changed. */
@ApplicationScoped
public class LedgerRepository {
    /** The entries of the organisation's budgets, as a JPQL condition on the ledger entry {@code e}. */
    private static final String OF_ORGANISATION =
            "e.eventId in (select b.eventId from EventBudget b where b.organisation = :organisation)";

    /** Marks, for the rest of a transaction, that it holds {@link #WRITERS_LOCK} shared. */
    private static final Object WRITERS_LOCK_HELD = new Object();

    @Inject
    EntityManager entityManager;
    @Inject
    TransactionSynchronizationRegistry transactions;

    /** What a journal line is made of: an entry's fields, with its id (the ledger order). */
    public record EntryRow(long id, UUID entryId, Instant occurredAt, LedgerKind kind, String glAccount,
            String costCentre, String poNumber, UUID eventId, UUID lineId, String vendor, BigDecimal budgetAmount,
            String budgetCurrency, BigDecimal amount, String currency, BigDecimal rate, String description) {
    }

    /** Up to {@code rows} of the budget's entries after the one whose id is {@code afterId} (0: from the first). */
    public List<LedgerEntry> ofBudget(UUID eventId, long afterId, int rows) {
        return entityManager.createQuery(
                "from LedgerEntry e where e.eventId = :eventId and e.id > :afterId order by e.id", LedgerEntry.class)
                .setParameter("eventId", eventId).setParameter("afterId", afterId).setMaxResults(rows)
                .getResultList();
    }

    /** The budget's entry with this entry id, if there is one. */
    public Optional<LedgerEntry> entryOfBudget(UUID eventId, UUID entryId) {
        return LedgerEntry.find("eventId = ?1 and entryId = ?2", eventId, entryId).firstResultOptional();
    }

    /** The id of the newest entry of any budget; 0 when there is none. */
    public long newestId() {
        return entityManager.createQuery("select coalesce(max(e.id), 0) from LedgerEntry e", Long.class)
                .getSingleResult();
    }

    /**
     * Taken (shared) by every transaction that writes ledger entries, before it writes the first: the snapshot of an
     * export ({@link #awaitWriters()}) waits until they are committed, so no entry with a lower id can appear after
     * an export saw a higher one, and an exported-up-to marker never passes over an entry.
     */
    public void lockForWriting() {
        // Once per transaction: the lock is held until it ends, and each native query would flush the session first
        // (a transaction writing a thousand entries flushed and dirty-checked its entities a thousand times).
        if (transactions.getResource(WRITERS_LOCK_HELD) != null) {
            return;
        }
        entityManager.createNativeQuery("select cast(pg_advisory_xact_lock_shared(:key) as text)")
                .setParameter("key", WRITERS_LOCK).getSingleResult();
        transactions.putResource(WRITERS_LOCK_HELD, Boolean.TRUE);
    }

    /** Waits until every transaction writing ledger entries now has ended; held until this transaction ends. */
    public void awaitWriters() {
        entityManager.createNativeQuery("select cast(pg_advisory_xact_lock(:key) as text)")
                .setParameter("key", WRITERS_LOCK).getSingleResult();
    }

    /** The advisory lock of the ledger's writers (an arbitrary number of this service's own). */
    private static final long WRITERS_LOCK = 7_346_201_009L;

    /**
     * How many of the organisation's entries of these kinds occurred in [start, end), with a ledger id above after
     * and up to upTo.
     */
    public long countInPeriod(String organisation, Instant start, Instant end, List<LedgerKind> kinds, long after,
            long upTo) {
        return entityManager.createQuery("""
                select count(e) from LedgerEntry e
                where e.occurredAt >= :start and e.occurredAt < :end and e.kind in :kinds and e.id > :after
                  and e.id <= :upTo
                """ + " and " + OF_ORGANISATION, Long.class)
                .setParameter("organisation", organisation).setParameter("start", start)
                .setParameter("end", end).setParameter("kinds", kinds).setParameter("after", after)
                .setParameter("upTo", upTo).getSingleResult();
    }

    /** An event of the organisation: its id and title (null before its schedule was announced). */
    public record EventTitle(UUID eventId, String title) {
    }

    /** What a range of entries (as {@link #countInPeriod}) holds, for the header of a file that lists it first. */
    public record Contents(List<String> expenseAccounts, List<LedgerKind> kinds, List<String> costCentres,
            List<EventTitle> events, List<String> budgetCurrencies, Instant newest) {
    }

    /**
     * The GL accounts of the invoices, the kinds, the cost centres, the events, the budget currencies (each sorted)
     * and the newest time of the organisation's entries of these kinds in [start, end), after ledger id after and up
     * to upTo.
     */
    public Contents contentsInPeriod(String organisation, Instant start, Instant end, List<LedgerKind> kinds,
            long after, long upTo) {
        Range range = new Range(organisation, start, end, kinds, after, upTo);
        List<String> expenseAccounts = select(range, "select distinct e.glAccount", "and e.kind = '"
                + LedgerKind.ACTUAL.name() + "' order by e.glAccount", String.class);
        List<LedgerKind> usedKinds = select(range, "select distinct e.kind", "", LedgerKind.class);
        List<String> costCentres = select(range, "select distinct e.costCentre", "and e.costCentre is not null "
                + "order by e.costCentre", String.class);
        List<String> currencies = select(range, "select distinct e.budgetCurrency", "order by e.budgetCurrency",
                String.class).stream().map(String::strip).toList();
        Instant newest = select(range, "select max(e.occurredAt)", "", Instant.class).get(0);
        List<EventTitle> events = new ArrayList<>();
        for (Object[] row : range.bind(entityManager.createQuery("""
                select b.eventId, b.title from EventBudget b where b.eventId in (select e.eventId
                """ + Range.CONDITION + ") order by b.eventId", Object[].class)).getResultList()) {
            events.add(new EventTitle((UUID) row[0], (String) row[1]));
        }
        return new Contents(expenseAccounts, usedKinds, costCentres, events, currencies, newest);
    }

    /** The organisation's entries of these kinds in [start, end), after ledger id after and up to upTo. */
    private record Range(String organisation, Instant start, Instant end, List<LedgerKind> kinds, long after,
            long upTo) {
        static final String CONDITION = """
                from LedgerEntry e
                where e.occurredAt >= :start and e.occurredAt < :end and e.kind in :kinds and e.id > :after
                  and e.id <= :upTo and\s""" + OF_ORGANISATION;

        <T> TypedQuery<T> bind(TypedQuery<T> query) {
            return query.setParameter("organisation", organisation).setParameter("start", start)
                    .setParameter("end", end).setParameter("kinds", kinds).setParameter("after", after)
                    .setParameter("upTo", upTo);
        }
    }

    private <T> List<T> select(Range range, String select, String rest, Class<T> type) {
        return range.bind(entityManager.createQuery(select + " " + Range.CONDITION + " " + rest, type))
                .getResultList();
    }

    /**
     * At most {@code limit} of the organisation's entries of these kinds that occurred in [start, end), with a ledger
     * id above {@code after} and up to {@code upTo}, in ledger order.
     */
    public List<EntryRow> pageInPeriod(String organisation, Instant start, Instant end, List<LedgerKind> kinds,
            long after, long upTo, int limit) {
        // The organisation's events as a list rather than a join: so the database walks the ledger in id order and
        // stops at the page's end, where a join made it read and sort every remaining entry of the period per page.
        UUID[] events = entityManager.createQuery("select b.eventId from EventBudget b where b.organisation = :o",
                UUID.class).setParameter("o", organisation).getResultList().toArray(UUID[]::new);
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            Array eventArray = connection.createArrayOf("uuid", events);
            Array kindArray = connection.createArrayOf("text", kinds.stream().map(Enum::name).toArray());
            try (PreparedStatement select = connection.prepareStatement("""
                    select id, entry_id, occurred_at, kind, gl_account, cost_centre, po_number, event_id, line_id,
                           vendor, budget_amount, budget_currency, amount, currency, rate, description
                    from ledger_entry
                    where occurred_at >= ? and occurred_at < ? and kind = any(?) and id > ? and id <= ?
                      and event_id = any(?)
                    order by id limit ?""")) {
                select.setObject(1, start.atOffset(ZoneOffset.UTC));
                select.setObject(2, end.atOffset(ZoneOffset.UTC));
                select.setArray(3, kindArray);
                select.setLong(4, after);
                select.setLong(5, upTo);
                select.setArray(6, eventArray);
                select.setInt(7, limit);
                List<EntryRow> entries = new ArrayList<>(limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new EntryRow(rows.getLong(1), rows.getObject(2, UUID.class),
                                rows.getObject(3, OffsetDateTime.class).toInstant(),
                                LedgerKind.valueOf(rows.getString(4)), rows.getString(5), rows.getString(6),
                                rows.getString(7), rows.getObject(8, UUID.class), rows.getObject(9, UUID.class),
                                rows.getString(10), rows.getBigDecimal(11), rows.getString(12),
                                rows.getBigDecimal(13), rows.getString(14), rows.getBigDecimal(15),
                                rows.getString(16)));
                    }
                }
                return entries;
            } finally {
                eventArray.free();
                kindArray.free();
            }
        });
    }
}
