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

/** A reusable list of what must be checked before an event (maintenance, cleaning, AV, fire safety...). */
@Entity
@Table(name = "checklist_template")
public class ChecklistTemplate extends PanacheEntityBase implements OfOrganisation {
    @Id
    public UUID id;
    /** The organisation it belongs to (token claim {@code org}). */
    @Column(nullable = false)
    public String organisation;
    public String name;
    @Enumerated(EnumType.STRING)
    public ChecklistCategory category;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public List<ChecklistTemplateItem> items() {
        return ChecklistTemplateItem.list("templateId = ?1 order by position", id);
    }

    @Override
    public String organisation() {
        return organisation;
    }
}
