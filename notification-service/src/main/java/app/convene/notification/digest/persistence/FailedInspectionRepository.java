package app.convene.notification.digest.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.convene.notification.digest.domain.FailedInspectionItem;

/** The failed items of venue inspections, as announced, one row per item. */
@ApplicationScoped
public class FailedInspectionRepository {
    /** True when the inspection's items are already kept (the same inspection announced again). */
    public boolean isKept(UUID inspectionId) {
        return FailedInspectionItem.count("inspectionId", inspectionId) > 0;
    }

    /** The event's failed items, inspection by inspection (oldest first), each in checklist order. */
    public List<FailedInspectionItem> ofEvent(UUID eventId) {
        return FailedInspectionItem.list("eventId = ?1 order by inspectedAt, inspectionId, position", eventId);
    }
}
