package app.convene.venue.domain;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "inspection_result")
@IdClass(InspectionResult.Key.class)
public class InspectionResult extends PanacheEntityBase {
    @Id
    @Column(name = "inspection_id")
    public UUID inspectionId;
    @Id
    @Column(name = "item_id")
    public UUID itemId;
    @Enumerated(EnumType.STRING)
    public ItemOutcome outcome;
    public String note;

    public record Key(UUID inspectionId, UUID itemId) implements Serializable {
    }
}
