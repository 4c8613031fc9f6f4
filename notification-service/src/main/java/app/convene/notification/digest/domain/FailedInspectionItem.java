package app.convene.notification.digest.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import app.convene.backbone.event.VenueEvents;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One item a venue inspection found failed, with the inspection's facts and the corrective action that is to fix it,
 * as venue-service announced them; listed as a failed inspection in the event's next briefings.
 */
@Entity
@Table(name = "failed_inspection_item")
@IdClass(FailedInspectionItem.Key.class)
public class FailedInspectionItem extends PanacheEntityBase {
    @Id
    @Column(name = "inspection_id")
    public UUID inspectionId;
    @Id
    @Column(name = "item_id")
    public UUID itemId;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    @Column(name = "checklist_id", nullable = false)
    public UUID checklistId;
    @Column(name = "checklist_name", nullable = false)
    public String checklistName;
    @Column(nullable = false)
    public String category;
    public String inspector;
    @Column(name = "inspected_at", nullable = false)
    public Instant inspectedAt;
    public int position;
    @Column(nullable = false)
    public String description;
    public boolean mandatory;
    public String note;
    @Column(name = "action_owner")
    public String actionOwner;
    @Column(name = "action_due_at")
    public Instant actionDueAt;
    /** The corrective action the item waits on; its closure is announced by this id. */
    @Column(name = "action_id")
    public UUID actionId;

    public record Key(UUID inspectionId, UUID itemId) implements Serializable {
    }

    /** The {@code position}-th failed item of an announced inspection, as it is kept. */
    public static FailedInspectionItem of(VenueEvents.InspectionFailed failed, int position) {
        VenueEvents.FailedItem failedItem = failed.failedItems().get(position);
        FailedInspectionItem item = new FailedInspectionItem();
        item.inspectionId = failed.inspectionId();
        item.itemId = failedItem.itemId();
        item.eventId = failed.eventId();
        item.checklistId = failed.checklistId();
        item.checklistName = failed.checklistName();
        item.category = failed.category();
        item.inspector = failed.inspector();
        item.inspectedAt = failed.inspectedAt();
        item.position = position;
        item.description = failedItem.description();
        item.mandatory = failedItem.mandatory();
        item.note = failedItem.note();
        item.actionOwner = failedItem.action() == null ? null : failedItem.action().owner();
        item.actionDueAt = failedItem.action() == null ? null : failedItem.action().dueAt();
        item.actionId = failedItem.action() == null ? null : failedItem.action().actionId();
        return item;
    }
}
