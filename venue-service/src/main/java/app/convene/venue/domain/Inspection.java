package app.convene.venue.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One walk through a checklist; its results are in {@link InspectionResult}. */
@Entity
@Table(name = "inspection")
public class Inspection extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "checklist_id", nullable = false)
    public UUID checklistId;
    public String inspector;
    @Column(name = "inspected_at", nullable = false)
    public Instant inspectedAt;
}
