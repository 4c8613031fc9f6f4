package app.convene.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.testing.KafkaBroker;
import io.quarkus.test.junit.QuarkusTest;

/** With the broker down, registrations still succeed; their events leave once the broker is back. */
@QuarkusTest
class BrokerOutageTest {

    @Test
    void registrationsDuringABrokerOutageAreAnnouncedWhenItReturns() {
        UUID eventId = Api.scheduleEvent("Planned during outage", 3);
        await().atMost(Duration.ofSeconds(15)).until(() -> Api.announced(eventId).size() >= 2);

        KafkaBroker.stopBroker();
        try {
            Api.register(eventId, "gina@example.com", "Gina").statusCode(201).body("status", equalTo("CONFIRMED"));
            Api.register(eventId, "hugo@example.com", "Hugo").statusCode(201).body("status", equalTo("CONFIRMED"));
        } finally {
            KafkaBroker.restart();
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            var types = Api.announced(eventId).stream()
                    .map(r -> new String(r.headers().lastHeader("ce_id").value()) + " " + Api.type(r))
                    .distinct().map(idAndType -> idAndType.substring(idAndType.indexOf(' ') + 1)).toList();
            assertThat(types).filteredOn("registration.confirmed.v2"::equals).hasSize(2);
            assertThat(types).filteredOn("registration.headcount-changed.v1"::equals).hasSize(3);
        });
    }
}
