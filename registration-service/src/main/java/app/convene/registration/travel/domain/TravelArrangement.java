package app.convene.registration.travel.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One registration's travel and accommodation: arrival and departure, travel mode, the hotel from check-in to
 * check-out (the nights in between), and the attendee's accessibility and dietary needs. Every field may be left
 * open; only a confirmed registration's arrangement counts in the event's figures.
 */
@Entity
@Table(name = "travel_arrangement")
public class TravelArrangement extends PanacheEntityBase {
    @Id
    @Column(name = "registration_id")
    public UUID registrationId;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    @Column(name = "arrival_at")
    public Instant arrivalAt;
    @Column(name = "departure_at")
    public Instant departureAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "travel_mode")
    public TravelMode travelMode;
    @Column(name = "hotel_check_in")
    public LocalDate hotelCheckIn;
    @Column(name = "hotel_check_out")
    public LocalDate hotelCheckOut;
    @Column(name = "accessibility_needs")
    public String accessibilityNeeds;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "dietary_needs", nullable = false)
    public List<DietaryNeed> dietaryNeeds = List.of();
    @Column(name = "dietary_note")
    public String dietaryNote;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    /** The hotel nights, each named by the date it starts on; none without a hotel. */
    public List<LocalDate> hotelNights() {
        return hotelCheckIn == null ? List.of() : hotelCheckIn.datesUntil(hotelCheckOut).toList();
    }

    public boolean hasAccessibilityNeeds() {
        return accessibilityNeeds != null && !accessibilityNeeds.isBlank();
    }
}
