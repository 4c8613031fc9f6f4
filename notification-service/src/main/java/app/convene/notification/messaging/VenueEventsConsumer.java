package app.convene.notification.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.inbox.Inbox;
import app.convene.notification.digest.service.PostEventAnnouncements;
import app.convene.notification.digest.service.VenueAnnouncements;
import app.convene.notification.gate.service.Gate;
import app.convene.notification.partner.service.PartnerMail;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/** Reads what venue announces about each event's venue; each record is applied once. */
@ApplicationScoped
public class VenueEventsConsumer {
    public static final String CHANNEL = "venue-events";

    @Inject
    Inbox inbox;
    @Inject
    VenueAnnouncements announcements;
    @Inject
    Gate gate;
    @Inject
    PartnerMail partnerMail;

    @Inject
    PostEventAnnouncements postEvent;

    private Inbox.Handlers handlers;

    @PostConstruct
    void registerHandlers() {
        handlers = inbox.handlers(Consumers.INBOX_NAME)
                .on(VenueEvents.READINESS_CHANGED, announcements::onReadinessChanged)
                .on(VenueEvents.BOOKING_CONFIRMED, announcements::onBookingConfirmed)
                .on(VenueEvents.BOOKED_ROOM_CHANGED, announcements::onBookedRoomChanged)
                .on(VenueEvents.BOOKING_CANCELLED, announcements::onBookingCancelled)
                .on(VenueEvents.SAFETY_AT_RISK, announcements::onSafetyAtRisk)
                .on(VenueEvents.SAFETY_RESTORED, announcements::onSafetyRestored)
                .on(VenueEvents.INSURANCE_CERTIFICATE_EXPIRING, announcements::onInsuranceExpiring)
                .on(VenueEvents.INSPECTION_FAILED, announcements::onInspectionFailed)
                .on(VenueEvents.READINESS_ASSESSED, gate::onReadinessAssessed)
                .on(VenueEvents.INSPECTION_RECORDED, postEvent::onInspectionRecorded)
                .on(VenueEvents.CORRECTIVE_ACTION_CLOSED, postEvent::onCorrectiveActionClosed)
                .on(VenueEvents.ISSUE_UPDATED, partnerMail::onIssueUpdated)
                .on(VenueEvents.VENUE_NOTICE, partnerMail::onVenueNotice);
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> poll) {
        return inbox.deliverAll(Consumers.INBOX_NAME, poll, handlers);
    }
}
