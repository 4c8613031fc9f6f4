package app.convene.backbone.logging;

import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Leaves out of the log the warnings every healthy start of a service gave, each about a setting chosen on purpose,
 * so that a WARN line at start means something to look at:
 * <ul>
 * <li>Flyway's "outOfOrder mode is active": the backbone's shared migrations are numbered below each service's own
 * and must apply to existing databases ({@code quarkus.flyway.out-of-order});</li>
 * <li>SmallRye's SRMSG18235, once per consumer group, "Will not health check throttled commit strategy": its
 * unprocessed-record limit is off, and the inbox's own readiness and liveness checks replace it;</li>
 * <li>Micrometer's "This Gauge has been already registered" for {@code netty.eventexecutor.workers}: the framework
 * registers Netty's gauge twice, and the first one counts.</li>
 * </ul>
 * Any other warning, and these at another level, pass.
 */
@LoggingFilter(name = KnownStartWarnings.NAME)
public final class KnownStartWarnings implements Filter {
    public static final String NAME = "known-start-warnings";

    private record Known(String logger, String text) {
        boolean matches(LogRecord record) {
            String message = record.getMessage();
            return logger.equals(record.getLoggerName()) && message != null && message.contains(text);
        }
    }

    private static final List<Known> KNOWN = List.of(
            new Known("org.flywaydb.core.internal.command.DbMigrate", "outOfOrder mode is active"),
            new Known("io.smallrye.reactive.messaging.kafka", "SRMSG18235"),
            new Known("io.micrometer.core.instrument.MeterRegistry", "netty.eventexecutor.workers"));

    @Override
    public boolean isLoggable(LogRecord record) {
        // JBoss Log Manager's WARN has the same weight as java.util.logging's WARNING
        if (record.getLevel().intValue() != Level.WARNING.intValue()) {
            return true;
        }
        for (Known known : KNOWN) {
            if (known.matches(record)) {
                return false;
            }
        }
        return true;
    }
}
