package app.convene.notification.delivery.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
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
    @Inject
    DataSource dataSource;

    /**
     * Locks (until the transaction ends) up to {@code limit} deliveries a sender may take now: first claimed ones whose
     * lease ran out by {@code wallNow} (their sender vanished), then pending ones due at {@code now} (the scheduling
     * clock), each oldest first, except those of a recipient whose circuit is open. Rows another claim holds are
     * skipped. Each of the two reads walks its own partial index in order and stops at the limit, so a claim costs the
     * same with a backlog of ten deliveries or of a hundred thousand (one read over both states had to sort them all).
     */
    public List<Delivery> lockClaimable(Instant now, Instant wallNow, int limit) {
        List<Delivery> claimable = new ArrayList<>(lockOldest("d.status = 'IN_FLIGHT' and d.lease_until <= :due",
                "d.lease_until", wallNow, now, limit));
        if (claimable.size() < limit) {
            claimable.addAll(lockOldest("d.status = 'PENDING' and d.next_attempt_at <= :due", "d.next_attempt_at", now,
                    now, limit - claimable.size()));
        }
        return claimable;
    }

    @SuppressWarnings("unchecked")
    private List<Delivery> lockOldest(String due, String oldestFirst, Instant dueBy, Instant now, int limit) {
        return entityManager.createNativeQuery("""
                select d.* from delivery d
                where %s
                  and not exists (select 1 from recipient r
                                  where r.id = d.recipient_id and r.circuit_open_until > :now)
                order by %s limit :n for update of d skip locked""".formatted(due, oldestFirst), Delivery.class)
                .setParameter("due", dueBy).setParameter("now", now).setParameter("n", limit).getResultList();
    }

    /**
     * Notes that the mail server accepted a claimed e-mail, at once and on its own (no transaction is open while a
     * sender sends): one statement, committed before the sender goes on to its batch's next e-mail. Nothing when the
     * claim is no longer the sender's.
     */
    public void noteAccepted(UUID deliveryId, UUID claim, Instant acceptedAt) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement note = connection.prepareStatement("""
                        update delivery set accepted_at = ?
                        where id = ? and claimed_by = ? and status = 'IN_FLIGHT'""")) {
            note.setObject(1, acceptedAt.atOffset(ZoneOffset.UTC));
            note.setObject(2, deliveryId);
            note.setObject(3, claim);
            note.executeUpdate();
        }
    }

    /**
     * Of the deliveries given with their claims, those each claim still holds, locked until the transaction ends, by
     * id; one whose lease ran out and another sender took it is absent.
     */
    @SuppressWarnings("unchecked")
    public Map<UUID, Delivery> lockClaimed(Map<UUID, UUID> claimOf) {
        // Locked by their keys in one read for the whole batch, then checked here (status and claim).
        List<Delivery> locked = entityManager.createNativeQuery(
                "select d.* from delivery d where d.id = any(:ids) order by d.id for no key update", Delivery.class)
                .setParameter("ids", claimOf.keySet().toArray(UUID[]::new)).getResultList();
        Map<UUID, Delivery> held = new HashMap<>();
        for (Delivery delivery : locked) {
            if (delivery.status == Delivery.Status.IN_FLIGHT && claimOf.get(delivery.id).equals(delivery.claimedBy)) {
                held.put(delivery.id, delivery);
            }
        }
        return held;
    }

    /** One attempt of a delivery and its outcome. */
    public record Attempt(UUID deliveryId, int attempt, Instant attemptedAt, boolean succeeded, String detail) {
    }

    /** Logs attempts (table {@code delivery_attempt}), all in one round trip to the database. */
    public void recordAttempts(List<Attempt> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into delivery_attempt (delivery_id, attempt, attempted_at, succeeded, detail)
                    values (?, ?, ?, ?, ?)""")) {
                for (Attempt attempt : attempts) {
                    insert.setObject(1, attempt.deliveryId());
                    insert.setInt(2, attempt.attempt());
                    insert.setObject(3, attempt.attemptedAt().atOffset(ZoneOffset.UTC));
                    insert.setBoolean(4, attempt.succeeded());
                    insert.setString(5, attempt.detail());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /**
     * The deliveries of a briefing and of its reminders, oldest first, each with its attempts in order: one query,
     * however many deliveries there are.
     */
    public List<LoggedDelivery> logOfBriefing(UUID briefingId) {
        return log("d.briefing_id = :b", "", "p.created_at, p.id", Map.of("b", briefingId));
    }

    /**
     * A page of the mail to an event's attendees, newest first, each with its attempts in order: at most
     * {@code limit}, only those of {@code status} when not null, and only those older than the mail {@code before}
     * when not null (empty when that is not a mail of the event's attendees). One query, which walks the event's
     * attendee mail in the order of its index and stops at the page's end.
     */
    public List<LoggedDelivery> pageOfAttendeeMail(UUID eventId, Delivery.Status status, UUID before, int limit) {
        StringBuilder condition = new StringBuilder("d.event_id = :e and d.purpose = 'ATTENDEE'");
        Map<String, Object> parameters = new HashMap<>(Map.of("e", eventId, "n", limit));
        if (status != null) {
            condition.append(" and d.status = :s");
            parameters.put("s", status.name());
        }
        if (before != null) {
            condition.append("""
                     and (d.created_at, d.id) < (select b.created_at, b.id from delivery b where b.id = :before
                                                 and b.event_id = :e and b.purpose = 'ATTENDEE')""");
            parameters.put("before", before);
        }
        return log(condition.toString(), "order by d.created_at desc, d.id desc limit :n",
                "p.created_at desc, p.id desc", parameters);
    }

    /** Whether {@code deliveryId} is a mail to one of the event's attendees. */
    public boolean isAttendeeMailOf(UUID eventId, UUID deliveryId) {
        return !entityManager.createNativeQuery(
                "select 1 from delivery where id = :id and event_id = :e and purpose = 'ATTENDEE'")
                .setParameter("id", deliveryId).setParameter("e", eventId).getResultList().isEmpty();
    }

    /**
     * The deliveries meeting {@code condition} (on {@code d}), taken in {@code page} (order and limit, or nothing),
     * each with its attempts, listed in {@code order} (on {@code p}, the page).
     */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    private List<LoggedDelivery> log(String condition, String page, String order, Map<String, Object> parameters) {
        NativeQuery query = entityManager.createNativeQuery("""
                with page as (
                    select d.id, d.purpose, d.recipient_id, d.channel, d.address, d.status, d.attempts,
                           d.next_attempt_at, d.last_error, d.created_at, d.mail_kind, d.registration_id
                    from delivery d
                    where %s
                    %s)
                select p.id as delivery_id, p.purpose, p.recipient_id, p.channel, p.address, p.status, p.attempts,
                       p.next_attempt_at, p.last_error, p.created_at, p.mail_kind, p.registration_id,
                       a.attempt, a.attempted_at, a.succeeded, a.detail
                from page p left join delivery_attempt a on a.delivery_id = p.id
                order by %s, a.attempt""".formatted(condition, page, order))
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
                .addScalar("created_at", StandardBasicTypes.INSTANT)
                .addScalar("mail_kind", StandardBasicTypes.STRING)
                .addScalar("registration_id", StandardBasicTypes.UUID)
                .addScalar("attempt", StandardBasicTypes.INTEGER)
                .addScalar("attempted_at", StandardBasicTypes.INSTANT)
                .addScalar("succeeded", StandardBasicTypes.BOOLEAN)
                .addScalar("detail", StandardBasicTypes.STRING);
        parameters.forEach(query::setParameter);
        List<Object[]> rows = query.getResultList();
        Map<UUID, Object[]> deliveries = new LinkedHashMap<>();
        Map<UUID, List<LoggedDelivery.Attempt>> attempts = new HashMap<>();
        for (Object[] r : rows) {
            UUID deliveryId = (UUID) r[0];
            deliveries.putIfAbsent(deliveryId, r);
            List<LoggedDelivery.Attempt> ofDelivery = attempts.computeIfAbsent(deliveryId, id -> new ArrayList<>());
            if (r[12] != null) {
                ofDelivery.add(new LoggedDelivery.Attempt((Integer) r[12], (Instant) r[13], (Boolean) r[14],
                        (String) r[15]));
            }
        }
        return deliveries.values().stream().map(r -> new LoggedDelivery((UUID) r[0],
                Delivery.Purpose.valueOf((String) r[1]), (UUID) r[2], Channel.valueOf((String) r[3]), (String) r[4],
                Delivery.Status.valueOf((String) r[5]), (Integer) r[6], (Instant) r[7], (String) r[8],
                (Instant) r[9], (String) r[10], (UUID) r[11], List.copyOf(attempts.get((UUID) r[0])))).toList();
    }

    /** The delivery whose personal acknowledgement link's token has this SHA-256 (hex); null when none. */
    public Delivery findByAckTokenHash(String tokenHash) {
        return Delivery.find("ackToken", tokenHash).firstResult();
    }

    /** A delivery of the briefing by e-mail to {@code email} (compared without case); null when none. */
    public Delivery findEmailTo(UUID briefingId, String email) {
        return Delivery.find("briefingId = ?1 and channel = ?2 and lower(address) = ?3", briefingId, Channel.EMAIL,
                email.toLowerCase(Locale.ROOT)).firstResult();
    }
}
