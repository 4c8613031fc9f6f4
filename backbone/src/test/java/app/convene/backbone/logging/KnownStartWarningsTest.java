package app.convene.backbone.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

/** The start's known warnings are left out; every other record, and these at another level, pass. */
class KnownStartWarningsTest {
    private final KnownStartWarnings filter = new KnownStartWarnings();

    private boolean passes(Level level, String logger, String message) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName(logger);
        return filter.isLoggable(record);
    }

    @Test
    void theWarningsOfEveryHealthyStartAreLeftOut() {
        assertThat(passes(Level.WARNING, "org.flywaydb.core.internal.command.DbMigrate",
                "outOfOrder mode is active. Migration of schema \"public\" may not be reproducible.")).isFalse();
        assertThat(passes(Level.WARNING, "io.smallrye.reactive.messaging.kafka",
                "SRMSG18235: Will not health check throttled commit strategy for group '%s'.")).isFalse();
        assertThat(passes(org.jboss.logmanager.Level.WARN, "io.micrometer.core.instrument.MeterRegistry",
                "This Gauge has been already registered (MeterId{name='netty.eventexecutor.workers', tags=[]})"))
                .isFalse();
    }

    @Test
    void everyOtherWarningAndTheSameAtAnotherLevelPass() {
        assertThat(passes(Level.WARNING, "io.smallrye.reactive.messaging.kafka",
                "SRMSG18228: A failure has been reported for Kafka topics")).isTrue();
        assertThat(passes(Level.WARNING, "org.flywaydb.core.internal.command.DbValidate", "outOfOrder mode is active"))
                .isTrue();
        assertThat(passes(Level.WARNING, "io.micrometer.core.instrument.MeterRegistry",
                "This Gauge has been already registered (MeterId{name='outbox.pending', tags=[]})")).isTrue();
        assertThat(passes(Level.SEVERE, "io.smallrye.reactive.messaging.kafka",
                "SRMSG18235: Will not health check throttled commit strategy")).isTrue();
        assertThat(passes(Level.INFO, "app.convene.backbone.inbox.Inbox", "started")).isTrue();
    }
}
