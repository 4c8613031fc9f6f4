package app.convene.budget.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * budget-service's copy of an event's travel figures as registration-service announced them last: the hotel room
 * nights and the travellers per travel mode of its confirmed attendees.
 */
@Entity
@Table(name = "travel_needs")
public class TravelNeeds extends PanacheEntityBase {
    @Id
    @Column(name = "event_id")
    public UUID eventId;
    @Column(nullable = false)
    public long sequence;
    @Column(name = "room_nights", nullable = false)
    public int roomNights;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "travellers_by_mode", nullable = false)
    public Map<String, Integer> travellersByMode;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
