package app.convene.budget.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A vendor invoice (or credit note) against a committed line; unique per organisation, vendor and invoice number (the
 * database enforces it). Only a POSTED one counts in the line's actual.
 */
@Entity
@Table(name = "invoice")
public class Invoice extends PanacheEntityBase {
    @Id
    public UUID id;
    /** The organisation of the event's budget; the vendor and number are unique within it. */
    @Column(nullable = false)
    public String organisation;
    /** The vendor's name trimmed and lower-cased, so "Acme " and "ACME" are one vendor. */
    @Column(name = "vendor_key", nullable = false)
    public String vendorKey;
    @Column(nullable = false)
    public String vendor;
    @Column(name = "invoice_number", nullable = false)
    public String invoiceNumber;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    @Column(name = "line_id", nullable = false)
    public UUID lineId;
    @Column(nullable = false)
    public BigDecimal amount;
    @Column(nullable = false, columnDefinition = "char(3)")
    public String currency;
    @Column(name = "issued_on", nullable = false)
    public LocalDate issuedOn;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
    @Column(name = "received_by", nullable = false)
    public String receivedBy;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InvoiceKind kind = InvoiceKind.INVOICE;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InvoiceStatus status = InvoiceStatus.POSTED;
    @Enumerated(EnumType.STRING)
    @Column(name = "matched_by", nullable = false)
    public InvoiceMatch matchedBy = InvoiceMatch.LINE;
    /** The amount in the line's currency (converted at the organisation's rate when the invoice is in another). */
    @Column(name = "line_amount", nullable = false)
    public BigDecimal lineAmount;
    /** The invoice a credit note credits; null for an invoice. */
    @Column(name = "credits_invoice_id")
    public UUID creditsInvoiceId;
    /** Who of finance approved or rejected an invoice that awaited approval, and when. */
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "rejection_reason")
    public String rejectionReason;

    /** The amount it adds to (an invoice) or takes from (a credit note) the line's actual, in the line's currency. */
    public BigDecimal signedLineAmount() {
        return kind == InvoiceKind.CREDIT_NOTE ? lineAmount.negate() : lineAmount;
    }

    public static String vendorKey(String vendor) {
        return vendor.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
