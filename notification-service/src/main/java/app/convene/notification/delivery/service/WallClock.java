package app.convene.notification.delivery.service;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Qualifier;
import jakarta.inject.Singleton;

/**
 * The real time, for what a receiver outside compares with its own clock: a webhook's {@code webhook-timestamp},
 * which receivers reject when it is minutes off theirs. Unlike the service's {@link Clock} (what is due, when
 * something happened), tests never move it.
 */
@Qualifier
@Retention(RUNTIME)
@Target({ FIELD, METHOD, PARAMETER })
public @interface WallClock {

    @Singleton
    class Producer {
        @Produces
        @WallClock
        @Singleton
        Clock wallClock() {
            return Clock.systemUTC();
        }
    }
}
