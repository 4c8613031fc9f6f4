package app.convene.venue.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "checklist_template_item")
public class ChecklistTemplateItem extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "template_id", nullable = false)
    public UUID templateId;
    public int position;
    public String description;
    public boolean mandatory;
    @Column(name = "due_hours_before_start")
    public int dueHoursBeforeStart;
}
