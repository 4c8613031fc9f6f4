package app.convene.venue.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A bookable room of a venue. {@code safeOccupancy} comes from its fire-safety assessment. */
@Entity
@Table(name = "room")
public class Room extends PanacheEntityBase implements OfOrganisation {
    @Id
    public UUID id;
    /** The organisation it belongs to (token claim {@code org}). */
    @Column(nullable = false)
    public String organisation;
    @Column(name = "venue_id", nullable = false)
    public UUID venueId;
    public String name;
    @Column(name = "seated_capacity")
    public int seatedCapacity;
    @Column(name = "standing_capacity")
    public int standingCapacity;
    @Column(name = "safe_occupancy")
    public int safeOccupancy;
    @Column(name = "accessibility_features", columnDefinition = "text[]")
    public String[] accessibilityFeatures;
    @Column(columnDefinition = "text[]")
    public String[] equipment;
    /** When the room was retired: no longer listed with its venue or bookable. */
    @Column(name = "retired_at")
    public java.time.Instant retiredAt;

    @Override
    public String organisation() {
        return organisation;
    }
}
