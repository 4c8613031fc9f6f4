package app.convene.backbone.sample;

import java.util.List;
import java.util.Map;

import app.convene.backbone.testing.KafkaBroker;
import app.convene.backbone.testing.PostgresDatabase;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The smallest service built on the backbone, on a real Kafka broker and a real PostgreSQL: memos written through
 * the API (idempotent POST, events through the outbox) and tallies counted from incoming events (through the inbox).
 * Its configuration lives here rather than in an {@code application.properties}, so nothing of it can reach a service
 * that has the backbone's test classes on its class path.
 */
public class SampleService implements QuarkusTestProfile {
    public static final String SOURCE = "/backbone-sample";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("quarkus.application.name", "backbone-sample"),
                Map.entry("backbone.source", SOURCE),
                Map.entry("quarkus.datasource.db-kind", "postgresql"),
                Map.entry("quarkus.flyway.locations", "db/backbone,db/backbone-sample"),
                Map.entry("mp.messaging.incoming.tally-events.connector", "smallrye-kafka"),
                Map.entry("mp.messaging.incoming.tally-events.topic", SampleEvents.TALLY_COUNTED.topic()),
                Map.entry("mp.messaging.incoming.tally-events.group.id", "backbone-sample"),
                Map.entry("mp.messaging.incoming.tally-events.cloud-events", "false"),
                Map.entry("mp.messaging.incoming.tally-events.failure-strategy", "fail"),
                Map.entry("mp.messaging.incoming.tally-events.batch", "true"),
                // After a broker outage the relay tries again within 2 s rather than 10 s.
                Map.entry("backbone.relay.max-backoff", "PT2S"));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KafkaBroker.class), new TestResourceEntry(PostgresDatabase.class));
    }
}
