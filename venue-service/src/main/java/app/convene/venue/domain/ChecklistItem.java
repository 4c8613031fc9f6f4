package app.convene.venue.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One thing to check; {@code outcome} is what the latest inspection found. */
@Entity
@Table(name = "checklist_item")
public class ChecklistItem extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "checklist_id", nullable = false)
    public UUID checklistId;
    public int position;
    public String description;
    public boolean mandatory;
    @Column(name = "due_at", nullable = false)
    public Instant dueAt;
    @Enumerated(EnumType.STRING)
    public ItemOutcome outcome;
    public String note;
    @Column(name = "inspected_at")
    public Instant inspectedAt;

    /**
     * Why this mandatory item still blocks sign-off, or empty when it does not: it passed, or it failed and its most
     * recent corrective action ({@code action}, read with the checklist's other items' by ChecklistDetails) is closed.
     */
    public Optional<String> blocking(Optional<CorrectiveAction> action) {
        if (!mandatory || outcome == ItemOutcome.PASSED) {
            return Optional.empty();
        }
        if (outcome == null) {
            return Optional.of("'" + description + "' is not inspected yet (due " + dueAt + ")");
        }
        if (action.isPresent() && action.get().status == ActionStatus.CLOSED) {
            return Optional.empty();
        }
        return Optional.of("'" + description + "' failed" + action.map(a -> "; action " + a.id + " owned by "
                + a.owner + " due " + a.dueAt + " is open").orElse(""));
    }
}
