package app.convene.budget.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What an event's travel and accommodation cost per unit, as its organizers or finance set them: a hotel room night,
 * and one traveller by each travel mode (NONE: no travel, no cost). The derived lines are in {@code currency}.
 */
@Entity
@Table(name = "travel_rates")
public class TravelRates extends PanacheEntityBase {
    @Id
    @Column(name = "event_id")
    public UUID eventId;
    @Column(nullable = false, columnDefinition = "char(3)")
    public String currency;
    @Column(name = "nightly_rate", nullable = false)
    public BigDecimal nightlyRate;
    @Column(name = "air_rate", nullable = false)
    public BigDecimal airRate;
    @Column(name = "rail_rate", nullable = false)
    public BigDecimal railRate;
    @Column(name = "car_rate", nullable = false)
    public BigDecimal carRate;
    @Column(name = "coach_rate", nullable = false)
    public BigDecimal coachRate;
    @Column(name = "other_rate", nullable = false)
    public BigDecimal otherRate;
    @Column(name = "accommodation_gl_account", nullable = false)
    public String accommodationGlAccount;
    @Column(name = "travel_gl_account", nullable = false)
    public String travelGlAccount;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    /** The rate of one traveller by {@code mode} (AIR, RAIL, CAR, COACH, OTHER); zero for NONE and unknown modes. */
    public BigDecimal perTraveller(String mode) {
        return switch (mode) {
            case "AIR" -> airRate;
            case "RAIL" -> railRate;
            case "CAR" -> carRate;
            case "COACH" -> coachRate;
            case "OTHER" -> otherRate;
            default -> BigDecimal.ZERO;
        };
    }
}
