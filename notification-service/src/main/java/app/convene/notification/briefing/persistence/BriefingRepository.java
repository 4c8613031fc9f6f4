package app.convene.notification.briefing.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import app.convene.notification.briefing.domain.Briefing;

/** Briefings: planned, claimed when due, sent and reminded of. */
@ApplicationScoped
public class BriefingRepository {
    /** Due briefings or reminders claimed per pass. */
    private static final int CLAIM_BATCH = 20;

    @Inject
    EntityManager entityManager;

    /** A sent briefing whose pending recipients are due a reminder. */
    public record AwaitingReminder(UUID briefingId, UUID eventId) {
    }

    public List<Briefing> ofEvent(UUID eventId) {
        return Briefing.list("eventId = ?1 order by dueAt", eventId);
    }

    /** True when a briefing of this kind is already planned (or was sent) for exactly this time. */
    public boolean isPlanned(UUID eventId, Briefing.Kind kind, Instant dueAt) {
        return Briefing.count("eventId = ?1 and kind = ?2 and dueAt = ?3 and onDemand = false", eventId, kind,
                dueAt) > 0;
    }

    /** Removes the event's planned briefings not yet sent, before the event is planned again. */
    public void deleteUnsentPlanned(UUID eventId) {
        Briefing.delete("eventId = ?1 and status = ?2 and onDemand = false", eventId, Briefing.Status.SCHEDULED);
        // The new plan may reuse a removed briefing's time: its row must be gone before the new one is inserted.
        entityManager.flush();
    }

    /** Marks the event's briefings not yet sent as CANCELLED. */
    public void cancelScheduled(UUID eventId) {
        Briefing.update("status = ?1 where eventId = ?2 and status = ?3", Briefing.Status.CANCELLED, eventId,
                Briefing.Status.SCHEDULED);
    }

    /**
     * Claims (locks until the transaction ends) briefings due at {@code now}, oldest first; rows another
     * transaction holds are skipped, so two dispatchers never claim the same briefing.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> claimDue(Instant now) {
        return entityManager.createNativeQuery("""
                select id from briefing where status = 'SCHEDULED' and due_at <= :now
                order by due_at limit :n for update skip locked""")
                .setParameter("now", now).setParameter("n", CLAIM_BATCH).getResultList();
    }

    /** Claims sent briefings not reminded of yet that were sent at or before {@code sentBefore}, oldest first. */
    @SuppressWarnings("unchecked")
    public List<AwaitingReminder> claimAwaitingReminder(Instant sentBefore) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select id, event_id from briefing where status = 'SENT' and reminded_at is null and sent_at <= :before
                order by sent_at limit :n for update skip locked""")
                .setParameter("before", sentBefore).setParameter("n", CLAIM_BATCH).getResultList();
        return rows.stream().map(row -> new AwaitingReminder((UUID) row[0], (UUID) row[1])).toList();
    }
}
