package app.convene.venue.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Proof of one insurance coverage for an event: insurer, policy, amount, validity and the document. */
@Entity
@Table(name = "insurance_certificate")
public class InsuranceCertificate extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    public String insurer;
    @Column(name = "policy_number")
    public String policyNumber;
    @Enumerated(EnumType.STRING)
    public Coverage coverage;
    public BigDecimal amount;
    public String currency;
    @Column(name = "valid_from", nullable = false)
    public Instant validFrom;
    @Column(name = "valid_to", nullable = false)
    public Instant validTo;
    @Column(name = "document_reference")
    public String documentReference;
    @Column(name = "registered_by")
    public String registeredBy;
    @Column(name = "registered_at")
    public Instant registeredAt;
    @Column(name = "expiry_announced_at")
    public Instant expiryAnnouncedAt;
    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;
    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    /** Valid over the whole of [from, until]: one that expires before the event ends does not count. */
    public boolean covers(Instant from, Instant until) {
        return !validFrom.isAfter(from) && !validTo.isBefore(until);
    }
}
