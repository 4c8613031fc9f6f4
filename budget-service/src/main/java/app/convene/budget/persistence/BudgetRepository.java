package app.convene.budget.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.hibernate.query.NativeQuery;

import app.convene.backbone.access.EventAccessGuard;
import app.convene.budget.domain.EventBudget;

/** Reads and writes the budgets ({@code event_budget}). */
@ApplicationScoped
public class BudgetRepository {
    @Inject
    EntityManager entityManager;
    @Inject
    EventAccessGuard guard;

    /**
     * Inserts a draft budget of {@code organisation} (null while unknown) unless the event has one; true when it was
     * inserted now. One statement, so a schedule announcement and a direct creation racing for the same event make
     * one budget.
     */
    public boolean insertDraftIfAbsent(UUID eventId, String organisation, String currency,
            BigDecimal tolerancePercent, Instant now) {
        int inserted = entityManager.createNativeQuery("""
                insert into event_budget (event_id, organisation, status, currency, show_up_rate, tolerance_percent,
                                          created_at, updated_at)
                values (:eventId, :organisation, 'DRAFT', :currency, 1, :tolerance, :now, :now)
                on conflict (event_id) do nothing""")
                .unwrap(NativeQuery.class)
                .setParameter("eventId", eventId)
                .setParameter("organisation", organisation, String.class)
                .setParameter("currency", currency)
                .setParameter("tolerance", tolerancePercent)
                .setParameter("now", now)
                .executeUpdate();
        return inserted == 1;
    }

    /** The budget, locked for the rest of the transaction; null when the event has none. */
    public EventBudget lockForUpdate(UUID eventId) {
        return EventBudget.findById(eventId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The organisation's budgets with a department whose event starts at or after {@code from} and before
     * {@code to}, of events the caller may see; by department, then event.
     */
    @SuppressWarnings("unchecked")
    public List<EventBudget> visibleWithDepartmentStartingBetween(String organisation, Instant from, Instant to) {
        return guard.bindVisibility(entityManager.createNativeQuery(
                "select b.* from event_budget b where b.organisation = :organisation and b.department is not null"
                        + " and b.starts_at >= :from and b.starts_at < :to and "
                        + EventAccessGuard.visibleCondition("b.event_id") + " order by b.department, b.event_id",
                EventBudget.class), true)
                .setParameter("organisation", organisation)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
    }
}
