package app.convene.registration.domain;

import java.time.Instant;
import java.util.Optional;
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

    /**
     * The person's active registration for the event, if any. Asked on every registration, so it is plain SQL: the
     * partial unique index on active registrations answers it, and there is no query translation to pay for.
     */
    public static Optional<Registration> findActive(UUID eventId, String email) {
        @SuppressWarnings("unchecked")
        java.util.List<Registration> found = getEntityManager().createNativeQuery("""
                select * from registration
                where event_id = :eventId and lower(attendee_email) = lower(:email) and status <> 'CANCELLED'
                """, Registration.class).setParameter("eventId", eventId).setParameter("email", email)
                .getResultList();
        return found.stream().findFirst();
    }

    /** Whether {@code email} holds a registration for the event (in any state: it lets them see the event). */
    public static boolean heldBy(UUID eventId, String email) {
        return !getEntityManager().createNativeQuery("""
                select 1 from registration where event_id = :eventId and lower(attendee_email) = lower(:email) limit 1
                """).setParameter("eventId", eventId).setParameter("email", email).getResultList().isEmpty();
    }

    public static Optional<Registration> firstWaiting(UUID eventId) {
        return find("eventId = ?1 and status = app.convene.registration.domain.RegistrationStatus.WAITLISTED "
                + "order by waitlistRank", eventId).firstResultOptional();
    }

    /** 1-based place on the waiting list, counting only those still waiting ahead. */
    public int waitlistPosition() {
        return (int) count("eventId = ?1 and status = ?2 and waitlistRank <= ?3", eventId,
                RegistrationStatus.WAITLISTED, waitlistRank);
    }
}
