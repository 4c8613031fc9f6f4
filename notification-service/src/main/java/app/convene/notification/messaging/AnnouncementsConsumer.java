package app.convene.notification.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import app.convene.backbone.event.BudgetEvents;
import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.inbox.Inbox;
import app.convene.notification.service.BriefingPlanner;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** Reads what registration, budget and venue announce; each record is applied once. */
@ApplicationScoped
public class AnnouncementsConsumer {
    static final String CONSUMER = "notification-service";

    @Inject
    Inbox inbox;
    @Inject
    BriefingPlanner planner;

    private Inbox.Handlers handlers;

    @PostConstruct
    void registerHandlers() {
        handlers = inbox.handlers()
                .on(RegistrationEvents.EVENT_SCHEDULED, planner::onEventScheduled)
                .on(RegistrationEvents.HEADCOUNT_CHANGED, planner::onHeadcountChanged)
                .on(BudgetEvents.CREATED, planner::onBudgetCreated)
                .on(VenueEvents.READINESS_CHANGED, planner::onReadinessChanged);
    }

    @Incoming("registration-events")
    @Blocking
    @Transactional
    public void registration(ConsumerRecord<String, String> record) {
        inbox.receive(CONSUMER, record, handlers);
    }

    @Incoming("budget-events")
    @Blocking
    @Transactional
    public void budget(ConsumerRecord<String, String> record) {
        inbox.receive(CONSUMER, record, handlers);
    }

    @Incoming("venue-events")
    @Blocking
    @Transactional
    public void venue(ConsumerRecord<String, String> record) {
        inbox.receive(CONSUMER, record, handlers);
    }
}
