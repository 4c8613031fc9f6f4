package app.convene.backbone.sample;

import java.util.concurrent.CompletionStage;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import app.convene.backbone.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/** Reads {@code tally.events} through the inbox, a poll's records at a time, as every service's consumer does. */
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
        handlers = inbox.handlers(CONSUMER).on(SampleEvents.TALLY_COUNTED, tallies::count)
                .onNewest(SampleEvents.TALLY_LEVEL_SET, SampleEvents.LevelSet::counter, SampleEvents.LevelSet::sequence,
                        tallies::level);
    }

    @Incoming("tally-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> poll) {
        return inbox.deliverAll(CONSUMER, poll, handlers);
    }
}
