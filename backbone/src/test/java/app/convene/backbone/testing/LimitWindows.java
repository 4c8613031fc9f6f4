package app.convene.backbone.testing;

import java.time.Duration;
import java.time.Instant;

/**
 * Rate limits counted in the database use fixed windows aligned to the clock (a limit per minute counts from one
 * minute's start to the next). A test that takes a limit's permits and then expects a refusal must do it all inside
 * one window, or the window's end gives the permits back in between. The database runs on this machine, so its clock
 * is this one.
 */
public final class LimitWindows {
    private static final long LATEST_START_SECOND = 40;

    private LimitWindows() {
    }

    /** Waits, when needed, until no more than 40 s of the current clock minute have passed. */
    public static void startEarlyInAMinute() throws InterruptedException {
        Instant now = Instant.now();
        long intoMinuteMillis = now.toEpochMilli() % Duration.ofMinutes(1).toMillis();
        if (intoMinuteMillis > LATEST_START_SECOND * 1000) {
            Thread.sleep(Duration.ofMinutes(1).toMillis() - intoMinuteMillis + 200);
        }
    }
}
