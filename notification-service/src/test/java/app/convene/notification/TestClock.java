package app.convene.notification;

import jakarta.inject.Singleton;

import app.convene.backbone.testing.MovableClock;

/** The service's "now" in tests, moved forward to make briefings due. */
@Singleton
public class TestClock extends MovableClock {
}
