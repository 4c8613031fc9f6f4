package app.convene.registration.meeting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A recurring meeting: from its first date, at a local start time in its time zone, on the dates its recurrence rule
 * (RFC 5545 RRULE) gives. Each date becomes an ordinary event (an occurrence) once it is within the horizon.
 */
@Entity
@Table(name = "meeting_series")
public class MeetingSeries extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(nullable = false)
    public String organisation;
    @Column(nullable = false)
    public String owner;
    @Column(nullable = false)
    public String title;
    public String description;
    @Column(name = "first_date", nullable = false)
    public LocalDate firstDate;
    @Column(name = "start_time", nullable = false)
    public LocalTime startTime;
    @Column(name = "duration_minutes", nullable = false)
    public int durationMinutes;
    @Column(name = "time_zone", nullable = false)
    public String timeZone;
    /** The RRULE value, e.g. {@code FREQ=MONTHLY;BYDAY=-1FR}. */
    @Column(nullable = false)
    public String recurrence;
    @Column(nullable = false)
    public int capacity;
    @Column(nullable = false)
    public String language = "en";
    @Column(nullable = false)
    public boolean confidential;
    public String location;
    @Column(name = "venue_id")
    public String venueId;
    @Column(name = "room_id")
    public String roomId;
    /** The department its occurrences belong to, if any. */
    public String department;
    /** The iCalendar SEQUENCE: grows with every change of the series or one of its occurrences. */
    @Column(nullable = false)
    public int sequence;
    @Column(name = "materialised_to", nullable = false)
    public LocalDate materialisedTo;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
