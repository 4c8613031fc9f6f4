package app.convene.registration.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How far ahead a meeting series' occurrences exist as events. */
@ConfigMapping(prefix = "meetings")
public interface MeetingsConfig {
    /** Occurrences are scheduled as events this far ahead (and the horizon moves on every hour). */
    @WithDefault("P400D")
    java.time.Period horizon();

    /** At most this many occurrences of one series exist ahead at a time. */
    @WithDefault("60")
    int maxOccurrencesAhead();

    /** How often the horizon moves on. */
    @WithDefault("PT1H")
    Duration extendEvery();
}
