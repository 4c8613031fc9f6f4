package app.convene.notification.delivery.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.convene.backbone.access.EventAccessGuard;
import app.convene.backbone.problem.ProblemException;
import app.convene.notification.briefing.service.Briefings;
import app.convene.notification.delivery.domain.Delivery;
import app.convene.notification.delivery.domain.LoggedDelivery;
import app.convene.notification.delivery.persistence.DeliveryRepository;

/**
 * What was sent for a briefing or to the event's attendees, to whom, and how each attempt went; for staff who may see
 * the event.
 */
@ApplicationScoped
public class DeliveryLogs {
    @Inject
    EventAccessGuard guard;
    @Inject
    DeliveryRepository deliveries;

    /** The deliveries of a briefing and of its reminders, oldest first, each with every attempt. */
    public List<LoggedDelivery> ofBriefing(UUID eventId, UUID briefingId) {
        guard.read(eventId);
        Briefings.ofEvent(eventId, briefingId);
        return deliveries.logOfBriefing(briefingId);
    }

    /** The most mails one page of the attendee mail log holds. */
    public static final int MAX_PAGE = 500;

    /** A page of a log, and the id to pass as {@code before} for the next (older) one; null on the last page. */
    public record Page(List<LoggedDelivery> deliveries, UUID next) {
    }

    /**
     * A page of the mail to the event's attendees, newest first, each with every attempt: of {@code status} only when
     * not null, older than the mail {@code before} when not null.
     */
    public Page ofAttendeeMail(UUID eventId, Delivery.Status status, UUID before, int limit) {
        guard.read(eventId);
        List<LoggedDelivery> page = deliveries.pageOfAttendeeMail(eventId, status, before, limit);
        if (page.isEmpty() && before != null && !deliveries.isAttendeeMailOf(eventId, before)) {
            throw ProblemException.invalidField("before",
                    "must be the id of a mail of this event's attendee mail log (the previous page's next)");
        }
        return new Page(page, page.size() == limit ? page.get(page.size() - 1).id() : null);
    }
}
