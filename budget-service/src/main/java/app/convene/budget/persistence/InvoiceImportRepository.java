package app.convene.budget.persistence;

import static app.convene.backbone.time.SqlTimes.instant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import app.convene.budget.domain.InvoiceImport;

/** Reads and writes invoice imports ({@code invoice_import}) and their rows' outcomes ({@code invoice_import_row}). */
@ApplicationScoped
public class InvoiceImportRepository {
    @Inject
    EntityManager entityManager;

    public void insertRunning(UUID id, String organisation, int rowsTotal, String requestedBy, Instant now,
            Instant leaseUntil) {
        entityManager.createNativeQuery("""
                insert into invoice_import (id, organisation, status, rows_total, requested_by, requested_at,
                                            lease_until)
                values (:id, :organisation, 'RUNNING', :rows, :actor, :now, :lease)""")
                .setParameter("id", id).setParameter("organisation", organisation).setParameter("rows", rowsTotal)
                .setParameter("actor", requestedBy).setParameter("now", now).setParameter("lease", leaseUntil)
                .executeUpdate();
    }

    /** Keeps a row's outcome and renews the running import's lease. */
    public void insertRow(UUID importId, InvoiceImport.Row row, Instant leaseUntil) {
        entityManager.createNativeQuery("""
                update invoice_import set lease_until = :lease where id = :id and status = 'RUNNING'""")
                .setParameter("id", importId).setParameter("lease", leaseUntil).executeUpdate();
        entityManager.createNativeQuery("""
                insert into invoice_import_row (import_id, row_number, vendor, invoice_number, outcome, reason,
                                                invoice_id)
                values (:id, :row, :vendor, :number, :outcome, :reason, :invoiceId)""")
                .setParameter("id", importId).setParameter("row", row.rowNumber())
                .setParameter("vendor", truncate(row.vendor(), 200))
                .setParameter("number", truncate(row.invoiceNumber(), 100))
                .setParameter("outcome", row.outcome().name()).setParameter("reason", truncate(row.reason(), 1000))
                .setParameter("invoiceId", row.invoiceId()).executeUpdate();
    }

    public void markDone(UUID id, Instant now) {
        entityManager.createNativeQuery("""
                update invoice_import set status = 'DONE', finished_at = :now, lease_until = null
                where id = :id and status = 'RUNNING'""").setParameter("id", id).setParameter("now", now)
                .executeUpdate();
    }

    /** Marks the imports whose lease ran out by {@code now} (their service stopped) INTERRUPTED; how many. */
    public int markInterrupted(Instant now) {
        return entityManager.createNativeQuery("""
                update invoice_import set status = 'INTERRUPTED', finished_at = :now, lease_until = null
                where status = 'RUNNING' and lease_until < :now""").setParameter("now", now).executeUpdate();
    }

    /** The organisation's import with its rows' outcomes so far; null when it has none with this id. */
    public InvoiceImport find(UUID id, String organisation) {
        @SuppressWarnings("unchecked")
        List<Object[]> jobs = entityManager.createNativeQuery("""
                select status, rows_total, requested_by, requested_at, finished_at from invoice_import
                where id = :id and organisation = :organisation""")
                .setParameter("id", id).setParameter("organisation", organisation).getResultList();
        if (jobs.isEmpty()) {
            return null;
        }
        Object[] job = jobs.get(0);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select row_number, vendor, invoice_number, outcome, reason, invoice_id from invoice_import_row
                where import_id = :id order by row_number""").setParameter("id", id).getResultList();
        List<InvoiceImport.Row> outcomes = new ArrayList<>();
        for (Object[] r : rows) {
            outcomes.add(new InvoiceImport.Row(((Number) r[0]).intValue(), (String) r[1], (String) r[2],
                    InvoiceImport.Outcome.valueOf((String) r[3]), (String) r[4], (UUID) r[5]));
        }
        return new InvoiceImport(id, InvoiceImport.Status.valueOf((String) job[0]), ((Number) job[1]).intValue(),
                (String) job[2], instant(job[3]), instant(job[4]), outcomes);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
