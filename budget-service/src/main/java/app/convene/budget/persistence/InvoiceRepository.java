package app.convene.budget.persistence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;

import app.convene.budget.domain.Invoice;
import app.convene.budget.domain.InvoiceStatus;

/** Reads and writes vendor invoices and credit notes ({@code invoice}). */
@ApplicationScoped
public class InvoiceRepository {
    @Inject
    EntityManager entityManager;

    /** A committed line an invoice may be booked against: its budget's event and its id. */
    public record LineRef(UUID eventId, UUID lineId) {
    }

    /** What an invoice's credit notes took back so far, in the invoice's currency and in the line's. */
    public record Credited(BigDecimal amount, BigDecimal lineAmount) {
    }

    /** Which invoices a listing shows; a null filter does not filter. */
    public record Filter(UUID eventId, String vendorKey, InvoiceStatus status) {
    }

    /**
     * Inserts the invoice unless its organisation already has one of its vendor under its number; true when it was
     * inserted. The unique key settles races: a clash waits for the other transaction and then inserts nothing.
     */
    public boolean insertIfAbsent(Invoice invoice) {
        return entityManager.createNativeQuery("""
                insert into invoice (id, organisation, vendor_key, vendor, invoice_number, event_id, line_id, amount,
                                     currency, issued_on, received_at, received_by, kind, status, matched_by,
                                     line_amount, credits_invoice_id)
                values (:id, :organisation, :vendorKey, :vendor, :number, :eventId, :lineId, :amount, :currency,
                        :issuedOn, :now, :actor, :kind, :status, :matchedBy, :lineAmount, :credits)
                on conflict (organisation, vendor_key, invoice_number) do nothing""")
                .setParameter("id", invoice.id).setParameter("organisation", invoice.organisation)
                .setParameter("vendorKey", invoice.vendorKey)
                .setParameter("vendor", invoice.vendor).setParameter("number", invoice.invoiceNumber)
                .setParameter("eventId", invoice.eventId).setParameter("lineId", invoice.lineId)
                .setParameter("amount", invoice.amount).setParameter("currency", invoice.currency)
                .setParameter("issuedOn", invoice.issuedOn).setParameter("now", invoice.receivedAt)
                .setParameter("actor", invoice.receivedBy).setParameter("kind", invoice.kind.name())
                .setParameter("status", invoice.status.name()).setParameter("matchedBy", invoice.matchedBy.name())
                .setParameter("lineAmount", invoice.lineAmount).setParameter("credits", invoice.creditsInvoiceId)
                .executeUpdate() == 1;
    }

    /** The organisation's invoice of the vendor (by its key) under the number; null when there is none. */
    public Invoice byNumber(String organisation, String vendorKey, String invoiceNumber) {
        return Invoice.find("organisation = ?1 and vendorKey = ?2 and invoiceNumber = ?3", organisation, vendorKey,
                invoiceNumber).firstResult();
    }

    /** The organisation's invoice; null when it has none with this id. */
    public Invoice find(String organisation, UUID id) {
        return Invoice.find("id = ?1 and organisation = ?2", id, organisation).firstResult();
    }

    /** The committed lines of the organisation's budgets whose purchase order has this number (within an event). */
    public List<LineRef> committedLinesWithPurchaseOrder(String organisation, String poNumber, UUID eventId) {
        Query query = entityManager.createNativeQuery("""
                select l.event_id, l.id from line_item l join event_budget b on b.event_id = l.event_id
                where b.organisation = :organisation and l.po_number = :po and l.committed_amount is not null"""
                + (eventId == null ? "" : " and l.event_id = :eventId") + " order by l.created_at, l.id")
                .setParameter("organisation", organisation).setParameter("po", poNumber);
        if (eventId != null) {
            query.setParameter("eventId", eventId);
        }
        return lineRefs(query.getResultList());
    }

    /** The committed lines of the organisation's event whose vendor is this one (compared by its key). */
    public List<LineRef> committedLinesOfVendor(String organisation, UUID eventId, String vendorKey) {
        return lineRefs(entityManager.createNativeQuery("""
                select l.event_id, l.id from line_item l join event_budget b on b.event_id = l.event_id
                where b.organisation = :organisation and l.event_id = :eventId and l.committed_amount is not null
                  and lower(btrim(l.vendor)) = :vendorKey
                order by l.created_at, l.id""")
                .setParameter("organisation", organisation).setParameter("eventId", eventId)
                .setParameter("vendorKey", vendorKey).getResultList());
    }

    /** What the credit notes of the invoice took back so far. */
    public Credited credited(UUID invoiceId) {
        Object[] sums = (Object[]) entityManager.createNativeQuery("""
                select coalesce(sum(amount), 0), coalesce(sum(line_amount), 0) from invoice
                where credits_invoice_id = :id and kind = 'CREDIT_NOTE'""")
                .setParameter("id", invoiceId).getSingleResult();
        return new Credited((BigDecimal) sums[0], (BigDecimal) sums[1]);
    }

    /** The invoices of the line awaiting approval, in the line's currency. */
    public BigDecimal awaitingApproval(UUID lineId) {
        return (BigDecimal) entityManager.createNativeQuery("""
                select coalesce(sum(line_amount), 0) from invoice
                where line_id = :lineId and status = 'AWAITING_APPROVAL'""")
                .setParameter("lineId", lineId).getSingleResult();
    }

    /**
     * One page of the organisation's invoices matching the filter, oldest received first (then by id), after the
     * invoice {@code after} (null: from the start).
     */
    public List<Invoice> page(String organisation, Filter filter, Invoice after, int limit) {
        StringBuilder where = new StringBuilder("organisation = :organisation");
        if (filter.eventId() != null) {
            where.append(" and eventId = :eventId");
        }
        if (filter.vendorKey() != null) {
            where.append(" and vendorKey = :vendorKey");
        }
        if (filter.status() != null) {
            where.append(" and status = :status");
        }
        if (after != null) {
            where.append(" and (receivedAt > :afterAt or (receivedAt = :afterAt and id > :afterId))");
        }
        TypedQuery<Invoice> query = entityManager.createQuery(
                "from Invoice where " + where + " order by receivedAt, id", Invoice.class)
                .setParameter("organisation", organisation).setMaxResults(limit);
        if (filter.eventId() != null) {
            query.setParameter("eventId", filter.eventId());
        }
        if (filter.vendorKey() != null) {
            query.setParameter("vendorKey", filter.vendorKey());
        }
        if (filter.status() != null) {
            query.setParameter("status", filter.status());
        }
        if (after != null) {
            query.setParameter("afterAt", after.receivedAt).setParameter("afterId", after.id);
        }
        return query.getResultList();
    }

    private static List<LineRef> lineRefs(List<?> rows) {
        List<LineRef> refs = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            refs.add(new LineRef((UUID) r[0], (UUID) r[1]));
        }
        return refs;
    }
}
