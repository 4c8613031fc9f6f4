package app.convene.notification.feedback.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.access.EventAccessGuard;
import app.convene.backbone.access.EventAccessStore;
import app.convene.backbone.event.EventAccess;
import app.convene.backbone.event.NotificationEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.notification.digest.domain.EventDigest;
import app.convene.notification.digest.service.AttendeeRegistrations;
import app.convene.notification.digest.service.EventDigests;
import app.convene.notification.feedback.domain.Feedback;
import app.convene.notification.feedback.persistence.FeedbackRepository;

/**
 * Feedback on an event, summarised in the next briefing. Who may give it:
 * <ul>
 * <li>an attendee holding a confirmed registration for the event (not waitlisted, not cancelled), once the event has
 * started; an attendee holding no registration at all does not see the event (404), one whose registration is only
 * waitlisted or was cancelled is refused (403);</li>
 * <li>the event's owner, co-organizers and delegates (staff), at any time; other staff who see the event get 403.</li>
 * </ul>
 * One entry per author and event, enforced by the unique index {@code feedback_once_per_author}: a second entry,
 * however concurrent, is a 409. Those who may read the event read its feedback.
 */
@ApplicationScoped
public class FeedbackBox {
    @Inject
    FeedbackRepository feedback;
    @Inject
    EventDigests digests;
    @Inject
    AttendeeRegistrations registrations;
    @Inject
    EventAccessGuard guard;
    @Inject
    EventAccessStore accessStore;
    @Inject
    Caller caller;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    @Transactional
    public Feedback receive(UUID eventId, int rating, String comment) {
        Feedback.Source source = caller.isStaff() ? Feedback.Source.STAFF : Feedback.Source.ATTENDEE;
        if (source == Feedback.Source.STAFF) {
            guard.requireMember(eventId);
        } else {
            requireConfirmedRegistration(eventId);
        }
        EventDigest digest = digests.existing(eventId);
        Instant now = clock.instant();
        if (source == Feedback.Source.ATTENDEE && (digest.startsAt == null || now.isBefore(digest.startsAt))) {
            throw ProblemException.conflict("event-not-started",
                    "attendees give feedback once event " + eventId + " has started");
        }
        UUID id = UUID.randomUUID();
        String author = caller.subject();
        if (!feedback.insertOnce(id, eventId, source, author, rating,
                comment == null || comment.isBlank() ? null : comment.strip(), now)) {
            throw new ProblemException(409, "feedback-already-given", "Conflict", author
                    + " has already given feedback on event " + eventId + " (one entry per author, constraint "
                    + FeedbackRepository.ONCE_PER_AUTHOR + ")");
        }
        outbox.append(NotificationEvents.FEEDBACK_RECEIVED, NotificationEvents.AGGREGATE, eventId,
                new NotificationEvents.FeedbackReceived(eventId, id, source.name(), rating, now));
        return Feedback.findById(id);
    }

    /** The most entries one page of feedback holds. */
    public static final int MAX_PAGE = 500;

    /** A page of feedback, and the id to pass as {@code after} for the next one; null on the last page. */
    public record Page(List<Feedback> feedback, UUID next) {
    }

    /**
     * A page of the event's feedback, oldest first, after the entry {@code after} when not null, for those who may
     * read the event.
     */
    public Page list(UUID eventId, UUID after, int limit) {
        guard.read(eventId);
        digests.existing(eventId);
        List<Feedback> page = feedback.oldestFirst(eventId, after, limit);
        if (page.isEmpty() && after != null && !feedback.isOf(eventId, after)) {
            throw ProblemException.invalidField("after",
                    "must be the id of an entry of this event's feedback (the previous page's next)");
        }
        return new Page(page, page.size() == limit ? page.get(page.size() - 1).id : null);
    }

    /**
     * One entry of the event's feedback: for staff who may read the event, and for its author (an attendee sees their
     * own only). Anything else is a 404.
     */
    public Feedback find(UUID eventId, UUID feedbackId) {
        if (caller.isStaff()) {
            guard.read(eventId);
        }
        Feedback entry = Feedback.findById(feedbackId);
        boolean visible = entry != null && entry.eventId.equals(eventId)
                && (caller.isStaff() || caller.is(entry.author) && accessStore.find(eventId)
                        .map(access -> access.organisation().equals(caller.organisation())).orElse(false));
        if (!visible) {
            throw ProblemException.notFound("feedback", feedbackId);
        }
        return entry;
    }

    /**
     * An attendee's own rule: the event must be of their organisation and they must hold a registration for it; only a
     * confirmed one lets them give feedback.
     */
    private void requireConfirmedRegistration(UUID eventId) {
        EventAccess access = accessStore.find(eventId).orElse(null);
        AttendeeRegistrations.Standing standing = access == null
                || !access.organisation().equals(caller.organisation()) ? AttendeeRegistrations.Standing.NONE
                        : registrations.standing(eventId, caller.subject());
        switch (standing) {
            case NONE -> throw ProblemException.notFound("event", eventId);
            case WAITLISTED, CANCELLED -> throw new ProblemException(403, "no-confirmed-registration", "Forbidden",
                    "feedback on event " + eventId + " needs a confirmed registration; yours is "
                            + standing.name().toLowerCase(Locale.ROOT));
            case CONFIRMED -> caller.actingOn(eventId, null);
        }
    }
}
