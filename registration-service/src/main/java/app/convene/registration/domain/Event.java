package app.convene.registration.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A conference or meeting people register for; its counts change only under the event's row lock. */
@Entity
@Table(name = "event")
public class Event extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String title;
    public String description;
    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;
    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;
    @Column(name = "time_zone", nullable = false)
    public String timeZone;
    /** en, sv, nl or ro: what its attendees are written in unless they chose their own. */
    @Column(nullable = false)
    public String language = "en";
    @Column(nullable = false)
    public int capacity;
    @Column(name = "confirmed_count", nullable = false)
    public int confirmedCount;
    @Column(name = "waitlisted_count", nullable = false)
    public int waitlistedCount;
    @Column(name = "checked_in_count", nullable = false)
    public int checkedInCount;
    @Column(name = "no_show_count", nullable = false)
    public int noShowCount;
    /** Arrival number of the last person put on the waiting list; orders the waiting list. */
    @Column(name = "waitlist_counter", nullable = false)
    public long waitlistCounter;
    /** Grows with every change of the counts; consumers keep the highest they have seen. */
    @Column(name = "headcount_sequence", nullable = false)
    public long headcountSequence;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EventStatus status;
    @Column(name = "registration_opens_at")
    public Instant registrationOpensAt;
    /** Registration closes here, or at the start of the event when not set. */
    @Column(name = "registration_closes_at")
    public Instant registrationClosesAt;
    /** Cancellations after this follow the late-cancellation policy; the event's start when not set. */
    @Column(name = "cancellation_deadline")
    public Instant cancellationDeadline;
    @Enumerated(EnumType.STRING)
    @Column(name = "late_cancellation_policy", nullable = false)
    public LateCancellationPolicy lateCancellationPolicy;
    @Column(name = "venue_id")
    public String venueId;
    @Column(name = "room_id")
    public String roomId;
    /** The department it belongs to, if any. */
    public String department;
    /** Safe occupancy of the room booked for the event, as announced by the venue side. */
    @Column(name = "room_safe_occupancy")
    public Integer roomSafeOccupancy;
    @Column(name = "late_cancellation_count", nullable = false)
    public int lateCancellationCount;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    @Column(name = "attendance_closed_at")
    public Instant attendanceClosedAt;
    /** The meeting series this event is an occurrence of; null for a one-off event. */
    @Column(name = "series_id")
    public UUID seriesId;
    /** The date the series' rule gave this occurrence (its RECURRENCE-ID), kept when the occurrence is moved. */
    @Column(name = "occurrence_date")
    public java.time.LocalDate occurrenceDate;

    /** Seats that may be confirmed: the event's capacity, capped by the room's safe occupancy when known. */
    public int effectiveCapacity() {
        return roomSafeOccupancy == null ? capacity : Math.min(capacity, roomSafeOccupancy);
    }

    /** What limits the seats: the room when its safe occupancy is below the event's capacity. */
    public String capacityLimitedBy() {
        return roomSafeOccupancy != null && roomSafeOccupancy < capacity ? "ROOM_SAFE_OCCUPANCY" : "EVENT_CAPACITY";
    }

    public int seatsLeft() {
        return Math.max(0, effectiveCapacity() - confirmedCount);
    }

    public Instant registrationClosesAtOrStart() {
        return registrationClosesAt == null ? startsAt : registrationClosesAt;
    }

    public Instant cancellationDeadlineOrStart() {
        return cancellationDeadline == null ? startsAt : cancellationDeadline;
    }
}
