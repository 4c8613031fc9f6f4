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

/** One attendee's place at an event: confirmed, on the waiting list, or cancelled. */
@Entity
@Table(name = "registration")
public class Registration extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    @Column(name = "attendee_email", nullable = false)
    public String attendeeEmail;
    @Column(name = "attendee_name", nullable = false)
    public String attendeeName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RegistrationStatus status;
    /** Arrival order on the waiting list; null unless waitlisted. */
    @Column(name = "waitlist_rank")
    public Long waitlistRank;
    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;
    @Column(name = "promoted_at")
    public Instant promotedAt;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;
    /** Position in the event's roll; set by the database, used for keyset paging. */
    @org.hibernate.annotations.Generated
    @Column(name = "seq", insertable = false, updatable = false)
    public Long seq;
    public String organisation;
    @Column(name = "late_cancellation", nullable = false)
    public boolean lateCancellation;
    @Column(name = "checked_in_at")
    public Instant checkedInAt;
    @Column(name = "no_show", nullable = false)
    public boolean noShow;
    /** Answers to the event's questions, by question key. */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    public java.util.Map<String, Object> answers;
    /** Registrations made together by one booker share this id. */
    @Column(name = "group_id")
    public UUID groupId;
    /** en, sv, nl or ro: the attendee's own choice, else the event's when they registered. */
    public String language;
    /**
     * What the attendee shows at the door, and the door scans to check them in: 32 hexadecimal digits, unique. A new
     * holder of the place (a transfer, another address) gets a new one.
     */
    @Column(name = "ticket_code", nullable = false)
    public String ticketCode;

    /** A new ticket code: the 122 random bits of a random UUID, as 32 upper-case hexadecimal digits. */
    public static String newTicketCode() {
        return UUID.randomUUID().toString().replace("-", "").toUpperCase(java.util.Locale.ROOT);
    }
}
