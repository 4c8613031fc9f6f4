package app.convene.backbone.sample;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import app.convene.backbone.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** Reads {@code tally.events} through the inbox, as every service's consumer does. */
@ApplicationScoped
public class TallyConsumer {
    public static final String CONSUMER = "backbone-sample";

    @Inject
    Inbox inbox;
    @Inject
    Tallies tallies;

    private Inbox.Handlers handlers;

    @PostConstruct
    void registerHandlers() {
        handlers = inbox.handlers(CONSUMER).on(SampleEvents.TALLY_COUNTED, tallies::count);
    }

    @Incoming("tally-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.deliver(CONSUMER, record, handlers);
    }
}
