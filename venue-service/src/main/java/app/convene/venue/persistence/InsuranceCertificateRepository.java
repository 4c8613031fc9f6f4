package app.convene.venue.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import app.convene.venue.domain.InsuranceCertificate;

/** Reads and claims the events' insurance certificates ({@code insurance_certificate}). */
@ApplicationScoped
public class InsuranceCertificateRepository {
    @Inject
    EntityManager entityManager;

    /** The event's certificates, withdrawn ones included, by coverage and expiry. */
    public List<InsuranceCertificate> ofEvent(UUID eventId) {
        return InsuranceCertificate.list("eventId = ?1 order by coverage, validTo", eventId);
    }

    /** The event's certificates that are not withdrawn, by coverage and expiry. */
    public List<InsuranceCertificate> inForce(UUID eventId) {
        return InsuranceCertificate.list("eventId = ?1 and withdrawnAt is null order by coverage, validTo", eventId);
    }

    /** Locks the certificate's row until the transaction ends, and reads it again. */
    public void lockForUpdate(InsuranceCertificate certificate) {
        entityManager.refresh(certificate, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Up to {@code batch} certificates in force not yet announced as expiring that expire after {@code now} and at the latest
     * at {@code horizon}, soonest first, locked with {@code for update skip locked}: a certificate another
     * transaction claimed is left to it, so two replicas never announce the same one.
     */
    public List<UUID> claimExpiring(Instant now, Instant horizon, int batch) {
        @SuppressWarnings("unchecked")
        List<UUID> due = entityManager.createNativeQuery("""
                select id from insurance_certificate
                where expiry_announced_at is null and withdrawn_at is null and valid_to > :now and valid_to <= :horizon
                order by valid_to limit :batch for update skip locked
                """, UUID.class).setParameter("now", now).setParameter("horizon", horizon)
                .setParameter("batch", batch).getResultList();
        return due;
    }
}
