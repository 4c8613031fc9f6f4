package app.convene.notification.delivery.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.convene.backbone.access.EventAccessGuard;
import app.convene.notification.briefing.service.Briefings;
import app.convene.notification.delivery.domain.LoggedDelivery;
import app.convene.notification.delivery.persistence.DeliveryRepository;

/** What was sent for a briefing, to whom, and how each attempt went; for staff who may see the event. */
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

    /** The mail to the event's attendees, oldest first, each with every attempt. */
    public List<LoggedDelivery> ofAttendeeMail(UUID eventId) {
        guard.read(eventId);
        return deliveries.logOfAttendeeMail(eventId);
    }
}
