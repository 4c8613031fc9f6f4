package app.convene.notification.feedback.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import app.convene.notification.feedback.domain.RecipientAcknowledgement;

/** Acknowledgements of briefings: once per briefing and recipient. */
@ApplicationScoped
public class AcknowledgementRepository {
    @Inject
    EntityManager entityManager;

    /** Records the acknowledgement unless the recipient already acknowledged the briefing; true when it is new. */
    public boolean insertOnce(UUID briefingId, UUID recipientId, Instant acknowledgedAt, String via) {
        return entityManager.createNativeQuery("""
                insert into acknowledgement (briefing_id, recipient_id, acknowledged_at, via) values (:b, :r, :t, :v)
                on conflict do nothing""")
                .setParameter("b", briefingId).setParameter("r", recipientId).setParameter("t", acknowledgedAt)
                .setParameter("v", via).executeUpdate() > 0;
    }

    /** When the recipient acknowledged the briefing. */
    public Instant acknowledgedAt(UUID briefingId, UUID recipientId) {
        return (Instant) entityManager.createNativeQuery(
                "select acknowledged_at from acknowledgement where briefing_id = :b and recipient_id = :r",
                Instant.class).setParameter("b", briefingId).setParameter("r", recipientId).getSingleResult();
    }

    /** Everyone the briefing itself (not a reminder) was sent to, by name, with when each acknowledged it. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public List<RecipientAcknowledgement> ofBriefing(UUID briefingId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select r.id, r.name, r.address, r.audience, a.acknowledged_at
                from recipient r
                left join acknowledgement a on a.recipient_id = r.id and a.briefing_id = :b
                where r.id in (select recipient_id from delivery where briefing_id = :b and purpose = 'BRIEFING')
                order by r.name, r.id""")
                .unwrap(NativeQuery.class)
                .addScalar("id", StandardBasicTypes.UUID)
                .addScalar("name", StandardBasicTypes.STRING)
                .addScalar("address", StandardBasicTypes.STRING)
                .addScalar("audience", StandardBasicTypes.STRING)
                .addScalar("acknowledged_at", StandardBasicTypes.INSTANT)
                .setParameter("b", briefingId).getResultList();
        return rows.stream().map(row -> new RecipientAcknowledgement((UUID) row[0], (String) row[1],
                (String) row[2], (String) row[3], (Instant) row[4])).toList();
    }
}
