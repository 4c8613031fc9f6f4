package app.convene.notification.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.RegistrationEvents.HeadcountChanged;
import app.convene.backbone.inbox.Inbox;
import app.convene.notification.attendee.service.AttendeeMail;
import app.convene.notification.digest.service.AttendeeRegistrations;
import app.convene.notification.digest.service.PostEventAnnouncements;
import app.convene.notification.digest.service.RegistrationAnnouncements;
import app.convene.notification.meeting.service.MeetingAgendas;
import app.convene.notification.meeting.service.MinutesDistribution;
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
    AttendeeMail attendeeMail;

    @Inject
    PostEventAnnouncements postEvent;

    @Inject
    MinutesDistribution minutesDistribution;

    @Inject
    MeetingAgendas meetingAgendas;

    private Inbox.Handlers handlers;

    @PostConstruct
    void registerHandlers() {
        handlers = inbox.handlers(Consumers.INBOX_NAME)
                .on(RegistrationEvents.EVENT_SCHEDULED, scheduled -> {
                    announcements.onEventScheduled(scheduled);
                    attendeeMail.onEventScheduled(scheduled);
                })
                .on(RegistrationEvents.EVENT_UPDATED, updated -> {
                    announcements.onEventUpdated(updated);
                    attendeeMail.onEventUpdated(updated);
                })
                .on(RegistrationEvents.EVENT_CANCELLED, cancelled -> {
                    announcements.onEventCancelled(cancelled);
                    attendeeMail.onEventCancelled(cancelled);
                })
                // Every headcount is a point of the post-event history; only the newest of a batch's headcounts
                // for one event moves the digest and the go/no-go gate.
                .on(RegistrationEvents.HEADCOUNT_CHANGED, postEvent::onHeadcountChanged)
                .onNewest(RegistrationEvents.HEADCOUNT_CHANGED, HeadcountChanged::eventId, HeadcountChanged::sequence,
                        announcements::onHeadcountChanged)
                .on(RegistrationEvents.CONFIRMED, confirmed -> attendeeMail.onConfirmed(confirmed, registrations.onConfirmed(confirmed)))
                .on(RegistrationEvents.PROMOTED, promoted -> attendeeMail.onPromoted(promoted, registrations.onPromoted(promoted)))
                .on(RegistrationEvents.WAITLISTED, waitlisted -> attendeeMail.onWaitlisted(waitlisted, registrations.onWaitlisted(waitlisted)))
                .on(RegistrationEvents.CONFIRMED_V1, v1 -> registrations.onConfirmed(v1.current()))
                .on(RegistrationEvents.PROMOTED_V1, v1 -> registrations.onPromoted(v1.current()))
                .on(RegistrationEvents.WAITLISTED_V1, v1 -> registrations.onWaitlisted(v1.current()))
                .on(RegistrationEvents.CANCELLED, cancelled -> {
                    announcements.onRegistrationCancelled(cancelled);
                    attendeeMail.onCancelled(cancelled);
                })
                .on(RegistrationEvents.MINUTES_APPROVED, minutesDistribution::onMinutesApproved)
                .on(RegistrationEvents.AGENDA_PUBLISHED, meetingAgendas::onAgendaPublished);
    }

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        inbox.deliverAll(Consumers.INBOX_NAME, records, handlers);
    }
}
