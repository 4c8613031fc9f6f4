package app.convene.notification.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.inbox.Inbox;
import app.convene.notification.attendee.service.AttendeeMail;
import app.convene.notification.digest.service.AttendeeRegistrations;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Reads what registration announces about attendees and their events, for the attendees' own mail (confirmation,
 * waiting list, promotion, cancellation, new times, invitations) and the copy of each registration it is written
 * from. It reads {@code registration.events} in a consumer group of its own ({@code notification-service.attendee-mail})
 * and records its receipts under its own inbox name, so rendering the mail of a burst of registrations never holds up
 * the read model ({@link RegistrationEventsConsumer}); each record is applied once.
 */
@ApplicationScoped
public class AttendeeMailConsumer {
    public static final String CHANNEL = "registration-attendees";

    @Inject
    Inbox inbox;
    @Inject
    AttendeeRegistrations registrations;
    @Inject
    AttendeeMail attendeeMail;

    private Inbox.Handlers handlers;

    @PostConstruct
    void registerHandlers() {
        handlers = inbox.handlers(Consumers.ATTENDEE_MAIL_INBOX_NAME).readFrom(CHANNEL)
                .on(RegistrationEvents.EVENT_SCHEDULED, attendeeMail::onEventScheduled)
                .on(RegistrationEvents.EVENT_UPDATED, attendeeMail::onEventUpdated)
                .on(RegistrationEvents.EVENT_CANCELLED, attendeeMail::onEventCancelled)
                .on(RegistrationEvents.CONFIRMED,
                        confirmed -> attendeeMail.onConfirmed(confirmed, registrations.onConfirmed(confirmed)))
                .on(RegistrationEvents.PROMOTED,
                        promoted -> attendeeMail.onPromoted(promoted, registrations.onPromoted(promoted)))
                .on(RegistrationEvents.WAITLISTED,
                        waitlisted -> attendeeMail.onWaitlisted(waitlisted, registrations.onWaitlisted(waitlisted)))
                .on(RegistrationEvents.CONFIRMED_V1, v1 -> registrations.onConfirmed(v1.current()))
                .on(RegistrationEvents.PROMOTED_V1, v1 -> registrations.onPromoted(v1.current()))
                .on(RegistrationEvents.WAITLISTED_V1, v1 -> registrations.onWaitlisted(v1.current()))
                .on(RegistrationEvents.ATTENDEE_CHANGED,
                        changed -> attendeeMail.onAttendeeChanged(changed, registrations.onAttendeeChanged(changed)))
                .on(RegistrationEvents.SESSION_CANCELLED, attendeeMail::onSessionCancelled)
                .on(RegistrationEvents.CANCELLED,
                        cancelled -> attendeeMail.onCancelled(cancelled, registrations.onCancelled(cancelled)));
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> poll) {
        return inbox.deliverAll(Consumers.ATTENDEE_MAIL_INBOX_NAME, poll, handlers);
    }
}
