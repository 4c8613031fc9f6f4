package app.convene.venue.domain;

import java.math.BigDecimal;
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
 * A room held for an event from setup to teardown. Two confirmed bookings of one room never overlap: the database
 * enforces it with the exclusion constraint {@value #NO_OVERLAP}.
 */
@Entity
@Table(name = "booking")
public class Booking extends PanacheEntityBase implements OfOrganisation {
    public static final String NO_OVERLAP = "booking_no_overlap";
    public static final String ONE_PER_EVENT = "booking_one_per_event";

    @Id
    public UUID id;
    /** The organisation it belongs to (token claim {@code org}). */
    @Column(nullable = false)
    public String organisation;
    @Column(name = "room_id", nullable = false)
    public UUID roomId;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;
    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;
    @Column(name = "setup_starts_at", nullable = false)
    public Instant setupStartsAt;
    @Column(name = "teardown_ends_at", nullable = false)
    public Instant teardownEndsAt;
    @Column(name = "price_amount")
    public BigDecimal priceAmount;
    @Column(name = "price_currency")
    public String priceCurrency;
    @Enumerated(EnumType.STRING)
    public BookingStatus status;
    @Column(name = "booked_by", nullable = false)
    public String bookedBy;
    @Column(name = "booked_at", nullable = false)
    public Instant bookedAt;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Column(name = "cancellation_reason")
    public String cancellationReason;

    @Override
    public String organisation() {
        return organisation;
    }
}
