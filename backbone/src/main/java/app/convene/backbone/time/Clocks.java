package app.convene.backbone.time;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * "Now" for every service: services inject {@link Clock} and never call {@code Instant.now()}, so a test can move
 * time (towards a due briefing, a certificate's expiry, a registration deadline) by providing its own clock bean.
 * It ticks in whole microseconds, the precision PostgreSQL keeps a {@code timestamptz} in: a time an answer gives (a
 * registration's {@code registeredAt}, a cancellation's {@code cancelledAt}) is then exactly the one every later read
 * of the stored row gives, not that time rounded.
 */
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    Clock systemClock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
