package app.convene.notification.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.inbox.Inbox;
import app.convene.notification.digest.service.PostEventAnnouncements;
import app.convene.notification.digest.service.AttendeeRegistrations;
import app.convene.notification.digest.service.RegistrationAnnouncements;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** Reads what registration announces about events and registrations; each record is applied once. */
@ApplicationScoped
public class RegistrationEventsConsumer {
    public static final String CHANNEL = "registration-events";

    @Inject
    Inbox inbox;
    @Inject
    RegistrationAnnouncements announcements;
    @Inject
    AttendeeRegistrations registrations;

    @Inject
    PostEventAnnouncements postEvent;

    private Inbox.Handlers handlers;

    @PostConstruct
    void registerHandlers() {
        handlers = inbox.handlers(Consumers.INBOX_NAME)
                .on(RegistrationEvents.EVENT_SCHEDULED, announcements::onEventScheduled)
                .on(RegistrationEvents.EVENT_UPDATED, announcements::onEventUpdated)
                .on(RegistrationEvents.EVENT_CANCELLED, announcements::onEventCancelled)
                .on(RegistrationEvents.HEADCOUNT_CHANGED, headcount -> {
                    announcements.onHeadcountChanged(headcount);
                    postEvent.onHeadcountChanged(headcount);
                })
                .on(RegistrationEvents.CONFIRMED, registrations::onConfirmed)
                .on(RegistrationEvents.PROMOTED, registrations::onPromoted)
                .on(RegistrationEvents.WAITLISTED, registrations::onWaitlisted)
                .on(RegistrationEvents.CONFIRMED_V1, v1 -> registrations.onConfirmed(v1.current()))
                .on(RegistrationEvents.PROMOTED_V1, v1 -> registrations.onPromoted(v1.current()))
                .on(RegistrationEvents.WAITLISTED_V1, v1 -> registrations.onWaitlisted(v1.current()))
                .on(RegistrationEvents.CANCELLED, announcements::onRegistrationCancelled);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.deliver(Consumers.INBOX_NAME, record, handlers);
    }
}
