package app.convene.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.inject.Singleton;

/** The service's "now" in tests: the real time plus an offset a test moves forward to make briefings due. */
@Singleton
public class TestClock extends Clock {
    private static volatile Duration offset = Duration.ZERO;

    /** Moves "now" forward so that {@code instant} has just passed. */
    public static synchronized void advanceTo(Instant instant) {
        Duration needed = Duration.between(Instant.now().plus(offset), instant).plusSeconds(1);
        if (!needed.isNegative()) {
            offset = offset.plus(needed);
        }
    }

    public static Instant now() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now();
    }
}
