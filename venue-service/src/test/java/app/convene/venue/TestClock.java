package app.convene.venue;

import jakarta.inject.Singleton;

import app.convene.backbone.testing.MovableClock;

/** The service's clock in tests: real time, moved forward when a story needs days to pass. */
@Singleton
public class TestClock extends MovableClock {
}
