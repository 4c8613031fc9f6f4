package app.convene.backbone.eventcopy;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import app.convene.backbone.event.RegistrationEvents.HeadcountChanged;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A service's own copy of an event that registration-service announced: its terms and its headcount, kept from the
 * events alone (no service calls another). Each consuming service extends it with what it adds (budget, readiness,
 * briefing digest) and maps it to its own table, whose columns for these fields carry these names.
 *
 * <p>The rule every copy keeps: headcounts carry a sequence, and only a newer one is applied, so one arriving late,
 * redelivered or replayed changes nothing ({@link #applyHeadcount}).
 */
@MappedSuperclass
public abstract class EventCopy extends PanacheEntityBase {
    @Id
    @Column(name = "event_id")
    public UUID eventId;
    public String title;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Column(name = "time_zone")
    public String timeZone;
    public int confirmed;
    public int waitlisted;
    @Column(name = "checked_in")
    public int checkedIn;
    @Column(name = "no_shows")
    public int noShows;
    /** Sequence of the newest headcount applied. */
    @Column(name = "headcount_sequence")
    public long headcountSequence;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The event's terms as last announced (scheduled or updated). */
    public void applyTerms(String title, Instant startsAt, Instant endsAt, String timeZone) {
        this.title = title;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.timeZone = timeZone;
    }

    /**
     * Applies the headcount if it is newer than the one held and answers true; an older or repeated one changes
     * nothing and answers false. The capacity in it is for the subclass to keep (its column rules differ).
     */
    public boolean applyHeadcount(HeadcountChanged headcount) {
        if (headcount.sequence() <= headcountSequence) {
            return false;
        }
        headcountSequence = headcount.sequence();
        confirmed = headcount.confirmed();
        waitlisted = headcount.waitlisted();
        checkedIn = headcount.checkedIn();
        noShows = headcount.noShows();
        return true;
    }

    /** True once the event's times are known. */
    public boolean scheduled() {
        return startsAt != null && endsAt != null;
    }
}
