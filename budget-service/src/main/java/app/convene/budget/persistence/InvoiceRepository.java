package app.convene.budget.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import app.convene.budget.domain.Invoice;

/** Reads and writes vendor invoices ({@code invoice}). */
@ApplicationScoped
public class InvoiceRepository {
    @Inject
    EntityManager entityManager;

    /**
     * Inserts the invoice unless its organisation already has one of its vendor under its number; true when it was
     * inserted. The unique key settles races: a clash waits for the other transaction and then inserts nothing.
     */
    public boolean insertIfAbsent(Invoice invoice) {
        return entityManager.createNativeQuery("""
                insert into invoice (id, organisation, vendor_key, vendor, invoice_number, event_id, line_id, amount,
                                     currency, issued_on, received_at, received_by)
                values (:id, :organisation, :vendorKey, :vendor, :number, :eventId, :lineId, :amount, :currency,
                        :issuedOn, :now, :actor)
                on conflict (organisation, vendor_key, invoice_number) do nothing""")
                .setParameter("id", invoice.id).setParameter("organisation", invoice.organisation)
                .setParameter("vendorKey", invoice.vendorKey)
                .setParameter("vendor", invoice.vendor).setParameter("number", invoice.invoiceNumber)
                .setParameter("eventId", invoice.eventId).setParameter("lineId", invoice.lineId)
                .setParameter("amount", invoice.amount).setParameter("currency", invoice.currency)
                .setParameter("issuedOn", invoice.issuedOn).setParameter("now", invoice.receivedAt)
                .setParameter("actor", invoice.receivedBy)
                .executeUpdate() == 1;
    }

    /** The organisation's invoice of the vendor (by its key) under the number; null when there is none. */
    public Invoice byNumber(String organisation, String vendorKey, String invoiceNumber) {
        return Invoice.find("organisation = ?1 and vendorKey = ?2 and invoiceNumber = ?3", organisation, vendorKey,
                invoiceNumber).firstResult();
    }
}
