package app.convene.backbone.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A service's clock in tests: the real time plus an offset a story moves forward when days must pass. A service's
 * test sources make it the service's clock with {@code @Singleton class TestClock extends MovableClock {}}; the
 * offset is shared, so a test can move time without holding the bean.
 */
public class MovableClock extends Clock {
    private static volatile Duration offset = Duration.ZERO;

    /** The service's "now", in whole microseconds as the services' own clock ticks. */
    public static Instant now() {
        return Instant.now().plus(offset).truncatedTo(ChronoUnit.MICROS);
    }

    /** Moves "now" forward by {@code by}. */
    public static synchronized void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Moves "now" forward so that {@code instant} has just passed (never backwards). */
    public static synchronized void advanceTo(Instant instant) {
        Duration needed = Duration.between(now(), instant).plusSeconds(1);
        if (!needed.isNegative()) {
            offset = offset.plus(needed);
        }
    }

    /** Back to the real time. */
    public static synchronized void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
