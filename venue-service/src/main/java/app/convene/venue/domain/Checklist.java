package app.convene.venue.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A template instantiated for a booking, item by item, each due relative to the event's start. */
@Entity
@Table(name = "checklist")
public class Checklist extends PanacheEntityBase implements OfOrganisation {
    @Id
    public UUID id;
    /** The organisation it belongs to (token claim {@code org}). */
    @Column(nullable = false)
    public String organisation;
    @Column(name = "booking_id", nullable = false)
    public UUID bookingId;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    @Column(name = "template_id", nullable = false)
    public UUID templateId;
    public String name;
    @Enumerated(EnumType.STRING)
    public ChecklistCategory category;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "signed_off_by")
    public String signedOffBy;
    @Column(name = "signed_off_at")
    public Instant signedOffAt;

    public List<ChecklistItem> items() {
        return ChecklistItem.list("checklistId = ?1 order by position", id);
    }

    public boolean signedOff() {
        return signedOffAt != null;
    }

    @Override
    public String organisation() {
        return organisation;
    }
}
