package app.convene.notification.delivery.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.notification.delivery.domain.Audience;
import app.convene.notification.delivery.domain.Channel;
import app.convene.notification.delivery.domain.Recipient;

public record RecipientResponse(@Schema(required = true) UUID id, @Schema(required = true) UUID eventId,
        @Schema(required = true) Audience audience, @Schema(required = true) String name,
        @Schema(required = true) Channel channel, @Schema(required = true) String address,
        @Schema(required = true) String language, @Schema(required = true) Instant createdAt,
        @Schema(description = "Only in the first answer to its creation (not in a replay): the Standard Webhooks "
                + "secret (whsec_...); it is stored encrypted and never shown again")
        String webhookSecret,
        @Schema(required = true, description = "CLOSED (sent to), OPEN (after consecutive failures its deliveries "
                + "wait until openUntil) or HALF_OPEN (one trial delivery goes next)")
        Recipient.Circuit circuit,
        @Schema(description = "While OPEN: when the trial delivery may go") Instant openUntil,
        @Schema(description = "Failed attempts in a row") int consecutiveFailures) {

    /** As lists show it, and as the answer to its creation is kept: never with the secret. */
    static RecipientResponse listed(Recipient r, Instant now) {
        Recipient.Circuit circuit = r.circuit(now);
        return new RecipientResponse(r.id, r.eventId, r.audience, r.name, r.channel, r.address, r.locale, r.createdAt,
                null, circuit, circuit == Recipient.Circuit.CLOSED ? null : r.circuitOpenUntil,
                r.consecutiveFailures);
    }

    /** The first answer to its creation: with the webhook's secret, shown this once. */
    RecipientResponse withSecret(String secret) {
        return new RecipientResponse(id, eventId, audience, name, channel, address, language, createdAt, secret,
                circuit, openUntil, consecutiveFailures);
    }
}
