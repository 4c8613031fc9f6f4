package app.convene.notification.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import app.convene.backbone.event.BudgetEvents;
import app.convene.backbone.inbox.Inbox;
import app.convene.notification.digest.service.BudgetAnnouncements;
import app.convene.notification.digest.service.PostEventAnnouncements;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/** Reads what budget announces about each event's budget; each record is applied once. */
@ApplicationScoped
public class BudgetEventsConsumer {
    public static final String CHANNEL = "budget-events";

    @Inject
    Inbox inbox;
    @Inject
    BudgetAnnouncements announcements;

    @Inject
    PostEventAnnouncements postEvent;

    private Inbox.Handlers handlers;

    @PostConstruct
    void registerHandlers() {
        handlers = inbox.handlers(Consumers.INBOX_NAME)
                .on(BudgetEvents.CREATED, announcements::onBudgetCreated)
                .on(BudgetEvents.SUBMITTED, announcements::onBudgetSubmitted)
                .on(BudgetEvents.APPROVED, announcements::onBudgetApproved)
                .on(BudgetEvents.REJECTED, announcements::onBudgetRejected)
                .on(BudgetEvents.SUBMITTED_V1, v1 -> announcements.onBudgetSubmitted(v1.current()))
                .on(BudgetEvents.APPROVED_V1, v1 -> announcements.onBudgetApproved(v1.current()))
                .on(BudgetEvents.REJECTED_V1, v1 -> announcements.onBudgetRejected(v1.current()))
                .on(BudgetEvents.FORECAST_CHANGED, announcements::onForecastChanged)
                .on(BudgetEvents.THRESHOLD_EXCEEDED, announcements::onThresholdExceeded)
                .on(BudgetEvents.FORECAST_CHANGED_V2, postEvent::onForecastChanged);
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> poll) {
        return inbox.deliverAll(Consumers.INBOX_NAME, poll, handlers);
    }
}
