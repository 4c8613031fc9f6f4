package app.convene.notification.attendee.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What attendee mail keeps per event: its language, how long before the start attendees are reminded, the
 * invitations' SEQUENCE (raised when the event moves or is cancelled), and its terms as registration last announced
 * them (title, times, time zone, cancelled). Attendee mail reads the announcements in a consumer group of its own, so
 * it keeps these itself rather than reading the digest, which another consumer keeps at its own pace.
 */
@Entity
@Table(name = "attendee_event")
public class AttendeeEvent extends PanacheEntityBase {
    @Id
    @Column(name = "event_id")
    public UUID eventId;
    @Column(nullable = false)
    public String language;
    /** An ISO-8601 duration, e.g. PT24H. */
    @Column(name = "reminder_before", nullable = false)
    public String reminderBefore;
    @Column(name = "calendar_sequence", nullable = false)
    public int calendarSequence;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    public String title;
    @Column(name = "time_zone")
    public String timeZone;
    @Column(nullable = false)
    public boolean cancelled;
}
