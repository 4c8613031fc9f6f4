package app.convene.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.NotificationEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.problem.ProblemException;
import app.convene.notification.domain.EventDigest;
import app.convene.notification.domain.Feedback;

/** Staff feedback before the event and attendee feedback after it, summarised in the next briefing. */
@ApplicationScoped
public class FeedbackBox {
    @Inject
    Clock clock;
    @Inject
    Outbox outbox;
    @Inject
    BriefingPlanner planner;

    @Transactional
    public Feedback receive(UUID eventId, Feedback.Source source, String author, int rating, String comment) {
        EventDigest digest = planner.existing(eventId);
        Instant now = clock.instant();
        if (source == Feedback.Source.ATTENDEE && (digest.startsAt == null || now.isBefore(digest.startsAt))) {
            throw ProblemException.conflict("event-not-started",
                    "attendees give feedback once event " + eventId + " has started");
        }
        Feedback feedback = new Feedback();
        feedback.id = UUID.randomUUID();
        feedback.eventId = eventId;
        feedback.source = source;
        feedback.author = author;
        feedback.rating = rating;
        feedback.comment = comment == null || comment.isBlank() ? null : comment.strip();
        feedback.receivedAt = now;
        feedback.persist();
        outbox.append(NotificationEvents.FEEDBACK_RECEIVED, NotificationEvents.AGGREGATE, eventId,
                new NotificationEvents.FeedbackReceived(eventId, feedback.id, source.name(), rating, now));
        return feedback;
    }

    public List<Feedback> list(UUID eventId) {
        planner.existing(eventId);
        return Feedback.list("eventId = ?1 order by receivedAt", eventId);
    }
}
