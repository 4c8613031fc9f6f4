package app.convene.notification.delivery.api;

import java.time.Instant;

import app.convene.notification.delivery.domain.LoggedDelivery;

public record Attempt(int attempt, Instant attemptedAt, boolean succeeded, String detail) {

    static Attempt from(LoggedDelivery.Attempt a) {
        return new Attempt(a.attempt(), a.attemptedAt(), a.succeeded(), a.detail());
    }
}
