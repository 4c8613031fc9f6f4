package app.convene.notification.briefing.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.convene.notification.delivery.domain.Audience;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A briefing planned for an event: before it (to staff) or after it (to leads and directors). */
@Entity
@Table(name = "briefing")
public class Briefing extends PanacheEntityBase {
    public enum Kind {
        PRE_EVENT, POST_EVENT
    }

    public enum Status {
        SCHEDULED, SENT, CANCELLED
    }

    @Id
    public UUID id;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;
    @Column(name = "due_at", nullable = false)
    public Instant dueAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    /** Generated on request rather than planned from the event's schedule. */
    @Column(name = "on_demand", nullable = false)
    public boolean onDemand;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(name = "reminded_at")
    public Instant remindedAt;
    @Column(name = "requested_by")
    public String requestedBy;

    /** Who a briefing of this kind goes to: staff before the event, leads and directors after it. */
    public Set<Audience> audiences() {
        return kind == Kind.PRE_EVENT ? EnumSet.of(Audience.ORGANIZERS, Audience.FACILITY, Audience.FINANCE)
                : EnumSet.of(Audience.LEADS, Audience.ORGANIZERS);
    }
}
