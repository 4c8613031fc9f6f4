package app.convene.backbone.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import app.convene.backbone.inbox.DeadLetters;
import app.convene.backbone.outbox.OutboxRelay;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The backbone's hand-made producers reach a secured broker with the same kafka.* settings as the channels. */
class KafkaConnectionTest {

    @Test
    void securitySettingsReachTheRelayAndTheDeadLetterProducers() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                "kafka.bootstrap.servers", "broker.example:9093",
                "kafka.security.protocol", "SASL_SSL",
                "kafka.sasl.mechanism", "SCRAM-SHA-512",
                "kafka.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "kafka.ssl.truststore.location", "/etc/kafka/truststore.p12",
                "kafka.ssl.endpoint.identification.algorithm", "https",
                "kafka.health.enabled", "true"), "test", 500)).build();
        Properties connection = KafkaConnection.properties(config);

        for (Properties producer : new Properties[] { OutboxRelay.producerProperties(connection, "/venue-service"),
                DeadLetters.producerProperties(connection) }) {
            assertThat(producer).containsEntry("bootstrap.servers", "broker.example:9093")
                    .containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsEntry("sasl.jaas.config",
                            "org.apache.kafka.common.security.scram.ScramLoginModule required;")
                    .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12")
                    .containsEntry("ssl.endpoint.identification.algorithm", "https")
                    .containsEntry("acks", "all")
                    .doesNotContainKey("health.enabled");
        }
    }

    @Test
    void withoutSettingsTheBrokerIsLocalAndPlain() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().build();
        assertThat(KafkaConnection.properties(config)).containsOnly(Map.entry("bootstrap.servers", "localhost:9092"));
    }

    @Test
    void aTopicsOwnerIsTheOnlySourceItAccepts() {
        assertThat(Topics.ownerOf("registration.events")).hasValue("/registration-service");
        assertThat(Topics.ownerOf("privacy.events")).hasValue("/registration-service");
        assertThat(Topics.ownerOf("budget.events")).hasValue("/budget-service");
        assertThat(Topics.ownerOf("venue.events")).hasValue("/venue-service");
        assertThat(Topics.ownerOf("notification.events")).hasValue("/notification-service");
        assertThat(Topics.ownerOf("tally.events")).isEmpty();
    }
}
