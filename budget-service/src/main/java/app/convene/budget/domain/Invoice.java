package app.convene.budget.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A vendor invoice against a line; unique per organisation, vendor and invoice number (the database enforces it). */
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

    public static String vendorKey(String vendor) {
        return vendor.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
