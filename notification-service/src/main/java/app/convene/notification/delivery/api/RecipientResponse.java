package app.convene.notification.delivery.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.notification.delivery.domain.Audience;
import app.convene.notification.delivery.domain.Channel;
import app.convene.notification.delivery.domain.Recipient;

public record RecipientResponse(UUID id, UUID eventId, Audience audience, String name, Channel channel,
        String address, String language, Instant createdAt,
        @Schema(description = "Only in the answer to its creation: the Standard Webhooks secret (whsec_...)")
        String webhookSecret) {

    /** As the answer to its creation: with a webhook's secret. */
    static RecipientResponse created(Recipient r) {
        return of(r, r.webhookSecret);
    }

    /** As lists show it: never with the secret. */
    static RecipientResponse listed(Recipient r) {
        return of(r, null);
    }

    private static RecipientResponse of(Recipient r, String webhookSecret) {
        return new RecipientResponse(r.id, r.eventId, r.audience, r.name, r.channel, r.address, r.locale, r.createdAt,
                webhookSecret);
    }
}
