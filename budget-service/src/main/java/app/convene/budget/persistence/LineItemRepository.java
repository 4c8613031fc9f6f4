package app.convene.budget.persistence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import app.convene.budget.domain.BudgetFigures;
import app.convene.budget.domain.LineCategory;
import app.convene.budget.domain.LineItem;
import app.convene.budget.domain.LineKind;

/** Reads the line items of budgets ({@code line_item}). */
@ApplicationScoped
public class LineItemRepository {
    @Inject
    EntityManager entityManager;

    /** The budget's lines that count (not withdrawn), in the order they were added. */
    public List<LineItem> ofBudget(UUID eventId) {
        return LineItem.list("eventId = ?1 and withdrawnAt is null order by createdAt, id", eventId);
    }

    /** The budget's withdrawn lines, in the order they were withdrawn. */
    public List<LineItem> withdrawnOf(UUID eventId) {
        return LineItem.list("eventId = ?1 and withdrawnAt is not null order by withdrawnAt, id", eventId);
    }

    public long countOfBudget(UUID eventId) {
        return LineItem.count("eventId", eventId);
    }

    /** The budget's line another service owns under {@code externalRef}; null when there is none. */
    public LineItem byExternalRef(UUID eventId, String externalRef) {
        return LineItem.find("eventId = ?1 and externalRef = ?2", eventId, externalRef).firstResult();
    }

    /**
     * What the budget arithmetic needs of each line, in the order they were added, read as a light projection (no
     * entities to dirty-check).
     */
    public List<BudgetFigures.LineInput> figureInputs(UUID eventId) {
        List<Object[]> rows = entityManager.createQuery("""
                select l.id, l.kind, l.currency, l.unitAmount, l.committedAmount, l.lockedRate, l.actualAmount
                from LineItem l where l.eventId = :eventId and l.withdrawnAt is null
                order by l.createdAt, l.id""", Object[].class)
                .setParameter("eventId", eventId).getResultList();
        List<BudgetFigures.LineInput> lines = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            lines.add(new BudgetFigures.LineInput((UUID) row[0], (LineKind) row[1], (String) row[2],
                    (BigDecimal) row[3], (BigDecimal) row[4], (BigDecimal) row[5], (BigDecimal) row[6]));
        }
        return lines;
    }

    /** The category of each of the budget's lines, by line id. */
    public Map<UUID, LineCategory> categoriesOf(UUID eventId) {
        Map<UUID, LineCategory> categories = new HashMap<>();
        for (Object[] row : entityManager.createQuery("select l.id, l.category from LineItem l where l.eventId = :e",
                Object[].class).setParameter("e", eventId).getResultList()) {
            categories.put((UUID) row[0], (LineCategory) row[1]);
        }
        return categories;
    }
}
