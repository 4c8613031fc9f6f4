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

    /**
     * A page of the organisation's imports, newest first, each with its outcomes counted: after the import
     * {@code after} when not null (an import of another organisation is no position, and gives no rows).
     */
    public List<InvoiceImport.Summary> page(String organisation, UUID after, int rows) {
        String position = after == null ? "" : " and (i.requested_at, i.id) < (select b.requested_at, b.id "
                + "from invoice_import b where b.id = :after and b.organisation = :organisation)";
        var query = entityManager.createNativeQuery("""
                with page as (
                    select i.id, i.status, i.rows_total, i.requested_by, i.requested_at, i.finished_at
                    from invoice_import i
                    where i.organisation = :organisation%s
                    order by i.requested_at desc, i.id desc
                    limit :rows)
                select p.id, p.status, p.rows_total, p.requested_by, p.requested_at, p.finished_at,
                       count(r.row_number) filter (where r.outcome = 'MATCHED'),
                       count(r.row_number) filter (where r.outcome = 'AWAITING_APPROVAL'),
                       count(r.row_number) filter (where r.outcome = 'ALREADY_RECORDED'),
                       count(r.row_number) filter (where r.outcome = 'UNMATCHED'),
                       count(r.row_number) filter (where r.outcome = 'REFUSED')
                from page p left join invoice_import_row r on r.import_id = p.id
                group by p.id, p.status, p.rows_total, p.requested_by, p.requested_at, p.finished_at
                order by p.requested_at desc, p.id desc""".formatted(position))
                .setParameter("organisation", organisation).setParameter("rows", rows);
        if (after != null) {
            query.setParameter("after", after);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> found = query.getResultList();
        List<InvoiceImport.Summary> page = new ArrayList<>();
        for (Object[] job : found) {
            page.add(new InvoiceImport.Summary((UUID) job[0], InvoiceImport.Status.valueOf((String) job[1]),
                    ((Number) job[2]).intValue(), (String) job[3], instant(job[4]), instant(job[5]),
                    ((Number) job[6]).intValue(), ((Number) job[7]).intValue(), ((Number) job[8]).intValue(),
                    ((Number) job[9]).intValue(), ((Number) job[10]).intValue()));
        }
        return page;
    }

    /** Whether {@code id} is an import of the organisation. */
    public boolean exists(UUID id, String organisation) {
        return !entityManager.createNativeQuery(
                "select 1 from invoice_import where id = :id and organisation = :organisation")
                .setParameter("id", id).setParameter("organisation", organisation).getResultList().isEmpty();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
