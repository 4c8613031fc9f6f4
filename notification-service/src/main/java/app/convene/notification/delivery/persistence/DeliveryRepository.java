package app.convene.notification.delivery.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import app.convene.notification.delivery.domain.Channel;
import app.convene.notification.delivery.domain.Delivery;
import app.convene.notification.delivery.domain.LoggedDelivery;

/** Deliveries and their attempts (table {@code delivery_attempt}, one row per attempt). */
@ApplicationScoped
public class DeliveryRepository {
    @Inject
    EntityManager entityManager;

    /**
     * Claims (locks until the transaction ends) up to {@code limit} pending deliveries due at {@code now}, oldest
     * first; rows another sender holds are skipped, so two senders never send the same delivery at once.
     */
    @SuppressWarnings("unchecked")
    public List<Delivery> claimDue(Instant now, int limit) {
        return entityManager.createNativeQuery("""
                select * from delivery where status = 'PENDING' and next_attempt_at <= :now
                order by next_attempt_at limit :n for update skip locked""", Delivery.class)
                .setParameter("now", now).setParameter("n", limit).getResultList();
    }

    /** Logs one attempt of a delivery and its outcome. */
    public void recordAttempt(UUID deliveryId, int attempt, Instant attemptedAt, boolean succeeded, String detail) {
        entityManager.createNativeQuery("""
                insert into delivery_attempt (delivery_id, attempt, attempted_at, succeeded, detail)
                values (:d, :a, :t, :s, :detail)""")
                .setParameter("d", deliveryId).setParameter("a", attempt).setParameter("t", attemptedAt)
                .setParameter("s", succeeded).setParameter("detail", detail).executeUpdate();
    }

    /**
     * The deliveries of a briefing and of its reminders, oldest first, each with its attempts in order: one query,
     * however many deliveries there are.
     */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public List<LoggedDelivery> logOfBriefing(UUID briefingId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select d.id as delivery_id, d.purpose, d.recipient_id, d.channel, d.address, d.status, d.attempts,
                       d.next_attempt_at, d.last_error,
                       a.attempt, a.attempted_at, a.succeeded, a.detail
                from delivery d left join delivery_attempt a on a.delivery_id = d.id
                where d.briefing_id = :b
                order by d.created_at, d.id, a.attempt""")
                .unwrap(NativeQuery.class)
                .addScalar("delivery_id", StandardBasicTypes.UUID)
                .addScalar("purpose", StandardBasicTypes.STRING)
                .addScalar("recipient_id", StandardBasicTypes.UUID)
                .addScalar("channel", StandardBasicTypes.STRING)
                .addScalar("address", StandardBasicTypes.STRING)
                .addScalar("status", StandardBasicTypes.STRING)
                .addScalar("attempts", StandardBasicTypes.INTEGER)
                .addScalar("next_attempt_at", StandardBasicTypes.INSTANT)
                .addScalar("last_error", StandardBasicTypes.STRING)
                .addScalar("attempt", StandardBasicTypes.INTEGER)
                .addScalar("attempted_at", StandardBasicTypes.INSTANT)
                .addScalar("succeeded", StandardBasicTypes.BOOLEAN)
                .addScalar("detail", StandardBasicTypes.STRING)
                .setParameter("b", briefingId).getResultList();
        Map<UUID, Object[]> deliveries = new LinkedHashMap<>();
        Map<UUID, List<LoggedDelivery.Attempt>> attempts = new HashMap<>();
        for (Object[] r : rows) {
            UUID deliveryId = (UUID) r[0];
            deliveries.putIfAbsent(deliveryId, r);
            List<LoggedDelivery.Attempt> ofDelivery = attempts.computeIfAbsent(deliveryId, id -> new ArrayList<>());
            if (r[9] != null) {
                ofDelivery.add(new LoggedDelivery.Attempt((Integer) r[9], (Instant) r[10], (Boolean) r[11],
                        (String) r[12]));
            }
        }
        return deliveries.values().stream().map(r -> new LoggedDelivery((UUID) r[0],
                Delivery.Purpose.valueOf((String) r[1]), (UUID) r[2], Channel.valueOf((String) r[3]), (String) r[4],
                Delivery.Status.valueOf((String) r[5]), (Integer) r[6], (Instant) r[7], (String) r[8],
                List.copyOf(attempts.get((UUID) r[0])))).toList();
    }

    /** The delivery whose personal acknowledgement link carries {@code token}; null when none. */
    public Delivery findByAckToken(String token) {
        return Delivery.find("ackToken", token).firstResult();
    }

    /** A delivery of the briefing by e-mail to {@code email} (compared without case); null when none. */
    public Delivery findEmailTo(UUID briefingId, String email) {
        return Delivery.find("briefingId = ?1 and channel = ?2 and lower(address) = ?3", briefingId, Channel.EMAIL,
                email.toLowerCase(Locale.ROOT)).firstResult();
    }
}
