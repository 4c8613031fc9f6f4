package app.convene.venue.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import app.convene.venue.domain.ActionStatus;
import app.convene.venue.domain.CorrectiveAction;

/** Reads and locks the corrective actions failed items opened ({@code corrective_action}). */
@ApplicationScoped
public class CorrectiveActionRepository {
    @Inject
    EntityManager entityManager;

    /** Where an action belongs: its event and its item's checklist, which never change. */
    public record Place(UUID eventId, UUID checklistId) {
    }

    /**
     * Where the action is, read without loading the action itself, so that its state is first read when it is
     * locked ({@link #lockForUpdate}) and not taken from a copy loaded before a concurrent change committed.
     */
    public Optional<Place> placeOf(UUID actionId) {
        return entityManager.createQuery("""
                select a.eventId, i.checklistId from CorrectiveAction a, ChecklistItem i
                where a.id = :actionId and i.id = a.itemId""", Object[].class)
                .setParameter("actionId", actionId).getResultStream().findFirst()
                .map(row -> new Place((UUID) row[0], (UUID) row[1]));
    }

    /** The action as committed now, locked until the transaction ends; null when there is none. */
    public CorrectiveAction lockForUpdate(UUID actionId) {
        return CorrectiveAction.findById(actionId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The item's open action (at most one). */
    public Optional<CorrectiveAction> openFor(UUID itemId) {
        return CorrectiveAction.find("itemId = ?1 and status = ?2", itemId, ActionStatus.OPEN).firstResultOptional();
    }

    /** The event's actions, oldest first. */
    public List<CorrectiveAction> ofEvent(UUID eventId) {
        return CorrectiveAction.list("eventId = ?1 order by openedAt", eventId);
    }
}
