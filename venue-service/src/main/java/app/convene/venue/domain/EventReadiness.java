package app.convene.venue.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import app.convene.backbone.eventcopy.EventCopy;

/**
 * An event as the venue side sees it: registration's terms and headcount (kept by {@link EventCopy}'s rules), the
 * capacity registration lets be confirmed, whether it was called off, and whether it is ready.
 */
@Entity
@Table(name = "event_readiness")
public class EventReadiness extends EventCopy {
    /** Overall readiness as last announced; null until first assessed. */
    public Boolean ready;
    /** Whether the headcount exceeds the booked room's safe occupancy, as last announced. */
    @Column(name = "safety_at_risk")
    public boolean safetyAtRisk;
    /** Seats registration lets be confirmed (its capacity capped by the room's safe occupancy); null until told. */
    public Integer capacity;
    /** Each check's status as last announced ({@code name=STATUS} lines); null until first announced. */
    @Column(name = "assessed_checks")
    public String assessedChecks;
    /** How many check-by-check assessments were announced for the event. */
    @Column(name = "assessment_sequence")
    public long assessmentSequence;
    /** When registration called the event off; it then needs no room. */
    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    /** The event's terms as last announced, with the seats registration lets be confirmed. */
    public void applyTerms(String title, Instant startsAt, Instant endsAt, String timeZone, int capacity) {
        applyTerms(title, startsAt, endsAt, timeZone);
        this.capacity = capacity;
    }

    /** The people the room must hold: the confirmed attendees. */
    public int expectedHeadcount() {
        return confirmed;
    }
}
