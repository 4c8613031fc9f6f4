package app.convene.registration.privacy.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import app.convene.backbone.event.PrivacyEvents;

/** The {@code erasure} rows and each service's progress with them. */
@ApplicationScoped
public class ErasureRepository {
    @Inject
    EntityManager entityManager;

    /** An erasure as stored; the e-mail address is never kept, only its hash. */
    public record ErasureRow(UUID id, String organisation, String emailSha256, String requestedBy,
            Instant requestedAt) {
    }

    /** One service's part of an erasure; {@code rowsAnonymised} and {@code completedAt} are null while PENDING. */
    public record ProgressRow(String service, String status, Integer rowsAnonymised, Instant completedAt) {
    }

    /** The SHA-256 (hex) of the lower-cased, trimmed address, computed by PostgreSQL as the comparisons are. */
    public String hashOf(String email) {
        return (String) entityManager.createNativeQuery(
                "select " + PrivacyEvents.addressHashSql(":email"))
                .setParameter("email", email).getSingleResult();
    }

    public void insert(ErasureRow erasure) {
        entityManager.createNativeQuery("""
                insert into erasure (id, organisation, email_sha256, requested_by, requested_at)
                values (:id, :organisation, :hash, :requestedBy, :requestedAt)
                """).setParameter("id", erasure.id()).setParameter("organisation", erasure.organisation())
                .setParameter("hash", erasure.emailSha256()).setParameter("requestedBy", erasure.requestedBy())
                .setParameter("requestedAt", erasure.requestedAt()).executeUpdate();
    }

    public void insertDone(UUID erasureId, String service, int rows, Instant completedAt) {
        entityManager.createNativeQuery("""
                insert into erasure_progress (erasure_id, service, status, rows_anonymised, completed_at)
                values (:id, :service, 'DONE', :rows, :completedAt)
                """).setParameter("id", erasureId).setParameter("service", service).setParameter("rows", rows)
                .setParameter("completedAt", completedAt).executeUpdate();
    }

    public void insertPending(UUID erasureId, String service) {
        entityManager.createNativeQuery("""
                insert into erasure_progress (erasure_id, service, status) values (:id, :service, 'PENDING')
                """).setParameter("id", erasureId).setParameter("service", service).executeUpdate();
    }

    /**
     * Marks the service's part of the organisation's erasure DONE; false when there is no such pending part (an
     * unknown erasure, another organisation's, or one already done).
     */
    public boolean markDone(UUID erasureId, String organisation, String service, int rows, Instant completedAt) {
        return entityManager.createNativeQuery("""
                update erasure_progress p set status = 'DONE', rows_anonymised = :rows, completed_at = :completedAt
                from erasure e
                where e.id = p.erasure_id and p.erasure_id = :id and e.organisation = :organisation
                  and p.service = :service and p.status = 'PENDING'
                """).setParameter("id", erasureId).setParameter("organisation", organisation)
                .setParameter("service", service).setParameter("rows", rows).setParameter("completedAt", completedAt)
                .executeUpdate() == 1;
    }

    public Optional<ErasureRow> find(UUID id, String organisation) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select id, organisation, email_sha256, requested_by, requested_at from erasure
                where id = :id and organisation = :organisation
                """).setParameter("id", id).setParameter("organisation", organisation).getResultList();
        return rows.stream().findFirst().map(r -> new ErasureRow((UUID) r[0], (String) r[1], (String) r[2],
                (String) r[3], (Instant) r[4]));
    }

    public List<ProgressRow> progress(UUID erasureId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select service, status, rows_anonymised, completed_at from erasure_progress
                where erasure_id = :id order by service
                """).setParameter("id", erasureId).getResultList();
        return rows.stream().map(r -> new ProgressRow((String) r[0], (String) r[1],
                r[2] == null ? null : ((Number) r[2]).intValue(), (Instant) r[3])).toList();
    }
}
