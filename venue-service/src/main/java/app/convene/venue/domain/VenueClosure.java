package app.convene.venue.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A venue, or one room of it ({@code roomId}), closed from {@code startsAt} until {@code endsAt}: no booking of it may
 * overlap that time while the closure is active.
 */
@Entity
@Table(name = "venue_closure")
public class VenueClosure extends PanacheEntityBase implements OfOrganisation {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String organisation;
    @Column(name = "venue_id", nullable = false)
    public UUID venueId;
    /** The closed room; null when the whole venue closes. */
    @Column(name = "room_id")
    public UUID roomId;
    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;
    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;
    @Column(nullable = false)
    public String reason;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClosureStatus status;
    @Column(name = "closed_by", nullable = false)
    public String closedBy;
    @Column(name = "closed_at", nullable = false)
    public Instant closedAt;
    @Column(name = "withdrawn_by")
    public String withdrawnBy;
    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    /** How a readiness check and a refused booking name it: "venue closed <from>–<until>: <reason>". */
    public String describe() {
        return "venue closed " + startsAt + "–" + endsAt + ": " + reason;
    }

    @Override
    public String organisation() {
        return organisation;
    }
}
