package app.convene.backbone.time;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * "Now" for every service: services inject {@link Clock} and never call {@code Instant.now()}, so a test can move
 * time (towards a due briefing, a certificate's expiry, a registration deadline) by providing its own clock bean.
 */
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    Clock systemClock() {
        return Clock.systemUTC();
    }
}
