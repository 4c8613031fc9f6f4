package app.convene.venue.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.inbox.Inbox;
import app.convene.venue.service.ReadinessService;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** Follows registration-service: scheduled events and how many people are coming. */
@ApplicationScoped
public class RegistrationEventsConsumer {
    static final String CONSUMER = "venue-service";

    @Inject
    Inbox inbox;
    @Inject
    ReadinessService readiness;

    private Inbox.Handlers handlers;

    @PostConstruct
    void registerHandlers() {
        handlers = inbox.handlers()
                .on(RegistrationEvents.EVENT_SCHEDULED, readiness::onEventScheduled)
                .on(RegistrationEvents.HEADCOUNT_CHANGED, readiness::onHeadcountChanged);
    }

    @Incoming("registration-events")
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        inbox.receive(CONSUMER, record, handlers);
    }
}
