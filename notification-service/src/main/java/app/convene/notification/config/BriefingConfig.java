package app.convene.notification.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;

/** When briefings go out, relative to the event. */
@ConfigMapping(prefix = "briefings")
public interface BriefingConfig {
    /** Pre-event briefings, each this long before the event starts. */
    List<Duration> preEventOffsets();

    /** The post-event briefing, this long after the event ends. */
    Duration postEventOffset();
}
