package app.convene.notification.delivery.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.notification.delivery.domain.LoggedDelivery;

/**
 * One attempt of a delivery. Its primitives are marked required here: the schema's name is shared by other records
 * named Attempt, so the build-stage filter that requires primitives does not find this record by it.
 */
public record Attempt(@Schema(required = true) int attempt, @Schema(required = true) Instant attemptedAt,
        @Schema(required = true) boolean succeeded, String detail) {

    static Attempt from(LoggedDelivery.Attempt a) {
        return new Attempt(a.attempt(), a.attemptedAt(), a.succeeded(), a.detail());
    }
}
