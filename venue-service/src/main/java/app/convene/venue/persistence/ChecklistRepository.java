package app.convene.venue.persistence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import app.convene.venue.domain.Checklist;
import app.convene.venue.domain.ChecklistItem;
import app.convene.venue.domain.ChecklistTemplate;
import app.convene.venue.domain.ChecklistTemplateItem;
import app.convene.venue.domain.CorrectiveAction;

/** Reads and locks the checklists of bookings ({@code checklist}) and the templates they come from. */
@ApplicationScoped
public class ChecklistRepository {
    /** Locks the checklist until the transaction ends, and reads it again. */
    public void lock(Checklist checklist) {
        Checklist.getEntityManager().refresh(checklist, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Whether the booking already has a checklist from the template. */
    public boolean existsFor(UUID bookingId, UUID templateId) {
        return Checklist.count("bookingId = ?1 and templateId = ?2", bookingId, templateId) > 0;
    }

    /** The booking's checklists, oldest first. */
    public List<Checklist> ofBooking(UUID bookingId) {
        return Checklist.list("bookingId = ?1 order by createdAt, name", bookingId);
    }

    /** The event's checklists, oldest first. */
    public List<Checklist> ofEvent(UUID eventId) {
        return Checklist.list("eventId = ?1 order by createdAt, name", eventId);
    }

    /** The items of these checklists, each checklist's by position. */
    public Map<UUID, List<ChecklistItem>> itemsOf(List<UUID> checklistIds) {
        return ChildRows.byParent(checklistIds,
                ids -> ChecklistItem.list("checklistId in ?1 order by position", ids), item -> item.checklistId);
    }

    /** The items of these templates, each template's by position. */
    public Map<UUID, List<ChecklistTemplateItem>> templateItemsOf(List<UUID> templateIds) {
        return ChildRows.byParent(templateIds,
                ids -> ChecklistTemplateItem.list("templateId in ?1 order by position", ids), item -> item.templateId);
    }

    /** The most recent corrective action of each of these items that has one. */
    public Map<UUID, CorrectiveAction> latestActionsOf(List<UUID> itemIds) {
        if (itemIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, CorrectiveAction> latest = new HashMap<>();
        for (CorrectiveAction action : CorrectiveAction.<CorrectiveAction>list(
                "itemId in ?1 order by openedAt desc", itemIds)) {
            latest.putIfAbsent(action.itemId, action);
        }
        return latest;
    }

    /** Whether the organisation has a template of that name. */
    public boolean templateNamed(String organisation, String name) {
        return ChecklistTemplate.count("organisation = ?1 and name = ?2", organisation, name) > 0;
    }

    /**
     * Up to {@code rows} of the organisation's templates by name (unique within it), after the template {@code after}
     * when it is not null: a walk along the unique index {@code checklist_template_name_unique}.
     */
    public List<ChecklistTemplate> templatesOf(String organisation, ChecklistTemplate after, int rows) {
        return (after == null ? ChecklistTemplate.find("organisation = ?1 order by name", organisation)
                : ChecklistTemplate.find("organisation = ?1 and name > ?2 order by name", organisation, after.name))
                .range(0, rows - 1).list();
    }

    /** The organisation's template {@code templateId}; null when it is none of the organisation's. */
    public ChecklistTemplate templateOf(String organisation, UUID templateId) {
        return ChecklistTemplate.find("id = ?1 and organisation = ?2", templateId, organisation).firstResult();
    }
}
