package app.convene.notification.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import app.convene.backbone.access.EventAccessStore;
import app.convene.backbone.event.BudgetEvents;
import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.inbox.Inbox;
import app.convene.notification.service.AttendeeRegistrations;
import app.convene.notification.service.BriefingPlanner;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Reads what registration, budget and venue announce; each record is applied once. Each channel has its own
 * consumer group ({@code notification-service.<family>}), so one channel starting or stopping never rebalances the
 * others, and the inbox keeps one name per family.
 */
@ApplicationScoped
public class AnnouncementsConsumer {
    public static final String REGISTRATION_EVENTS = "registration-events";
    public static final String BUDGET_EVENTS = "budget-events";
    public static final String VENUE_EVENTS = "venue-events";
    /** Inbox consumer name; kept from before the split so records already handled stay handled. */
    static final String CONSUMER = "notification-service";

    @Inject
    Inbox inbox;
    @Inject
    BriefingPlanner planner;
    @Inject
    EventAccessStore access;
    @Inject
    AttendeeRegistrations registrations;

    private Inbox.Handlers handlers;

    @PostConstruct
    void registerHandlers() {
        handlers = inbox.handlers(CONSUMER)
                // Who may see and change the event travels with its schedule; kept in the same transaction.
                .on(RegistrationEvents.EVENT_SCHEDULED, scheduled -> {
                    access.save(scheduled.eventId(), scheduled.access());
                    planner.onEventScheduled(scheduled);
                })
                .on(RegistrationEvents.EVENT_UPDATED, updated -> {
                    access.save(updated.eventId(), updated.access());
                    planner.onEventUpdated(updated);
                })
                .on(RegistrationEvents.EVENT_CANCELLED, planner::onEventCancelled)
                .on(RegistrationEvents.HEADCOUNT_CHANGED, planner::onHeadcountChanged)
                .on(RegistrationEvents.CONFIRMED, registrations::onConfirmed)
                .on(RegistrationEvents.PROMOTED, registrations::onPromoted)
                .on(RegistrationEvents.WAITLISTED, registrations::onWaitlisted)
                .on(RegistrationEvents.CANCELLED, cancelled -> {
                    planner.onRegistrationCancelled(cancelled);
                    registrations.onCancelled(cancelled);
                })
                .on(BudgetEvents.CREATED, planner::onBudgetCreated)
                .on(BudgetEvents.SUBMITTED, planner::onBudgetSubmitted)
                .on(BudgetEvents.APPROVED, planner::onBudgetApproved)
                .on(BudgetEvents.REJECTED, planner::onBudgetRejected)
                .on(BudgetEvents.FORECAST_CHANGED, planner::onForecastChanged)
                .on(BudgetEvents.THRESHOLD_EXCEEDED, planner::onThresholdExceeded)
                .on(VenueEvents.READINESS_CHANGED, planner::onReadinessChanged)
                .on(VenueEvents.BOOKING_CONFIRMED, planner::onBookingConfirmed)
                .on(VenueEvents.BOOKING_CANCELLED, planner::onBookingCancelled)
                .on(VenueEvents.SAFETY_AT_RISK, planner::onSafetyAtRisk)
                .on(VenueEvents.SAFETY_RESTORED, planner::onSafetyRestored)
                .on(VenueEvents.INSURANCE_CERTIFICATE_EXPIRING, planner::onInsuranceExpiring)
                .on(VenueEvents.INSPECTION_FAILED, planner::onInspectionFailed);
    }

    @Incoming(REGISTRATION_EVENTS)
    @Blocking
    public void registration(ConsumerRecord<String, String> record) {
        inbox.deliver(CONSUMER, record, handlers);
    }

    @Incoming(BUDGET_EVENTS)
    @Blocking
    public void budget(ConsumerRecord<String, String> record) {
        inbox.deliver(CONSUMER, record, handlers);
    }

    @Incoming(VENUE_EVENTS)
    @Blocking
    public void venue(ConsumerRecord<String, String> record) {
        inbox.deliver(CONSUMER, record, handlers);
    }
}
