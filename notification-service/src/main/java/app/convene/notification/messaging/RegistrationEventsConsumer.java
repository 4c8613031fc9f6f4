package app.convene.notification.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.RegistrationEvents.HeadcountChanged;
import app.convene.backbone.inbox.Inbox;
import app.convene.notification.digest.service.PostEventAnnouncements;
import app.convene.notification.digest.service.RegistrationAnnouncements;
import app.convene.notification.meeting.service.MeetingAgendas;
import app.convene.notification.meeting.service.MinutesDistribution;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Reads what registration announces about events and registrations for the read model (digest, go/no-go gate,
 * briefings, post-event history, minutes and agendas); each record is applied once. Attendees' own mail is written
 * by {@link AttendeeMailConsumer}, in a consumer group of its own, so it never holds this one up.
 */
@ApplicationScoped
public class RegistrationEventsConsumer {
    public static final String CHANNEL = "registration-events";

    @Inject
    Inbox inbox;
    @Inject
    RegistrationAnnouncements announcements;

    @Inject
    PostEventAnnouncements postEvent;

    @Inject
    MinutesDistribution minutesDistribution;

    @Inject
    MeetingAgendas meetingAgendas;

    private Inbox.Handlers handlers;

    @PostConstruct
    void registerHandlers() {
        handlers = inbox.handlers(Consumers.INBOX_NAME).readFrom(CHANNEL)
                .on(RegistrationEvents.EVENT_SCHEDULED, announcements::onEventScheduled)
                .on(RegistrationEvents.EVENT_UPDATED, announcements::onEventUpdated)
                .on(RegistrationEvents.EVENT_CANCELLED, announcements::onEventCancelled)
                // Every headcount is a point of the post-event history; only the newest of a batch's headcounts
                // for one event moves the digest and the go/no-go gate.
                .on(RegistrationEvents.HEADCOUNT_CHANGED, postEvent::onHeadcountChanged)
                .onNewest(RegistrationEvents.HEADCOUNT_CHANGED, HeadcountChanged::eventId, HeadcountChanged::sequence,
                        announcements::onHeadcountChanged)
                .on(RegistrationEvents.CANCELLED, announcements::onRegistrationCancelled)
                .on(RegistrationEvents.MINUTES_APPROVED, minutesDistribution::onMinutesApproved)
                .on(RegistrationEvents.AGENDA_PUBLISHED, meetingAgendas::onAgendaPublished);
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> poll) {
        return inbox.deliverAll(Consumers.INBOX_NAME, poll, handlers);
    }
}
