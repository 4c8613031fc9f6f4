package app.convene.backbone.deadletter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A record a consumer could never process, as the operator sees it: where it came from, what it was, why it was set
 * aside, and what became of it. {@code value} and {@code headers} (what is needed to apply it again) are given by
 * {@code GET /api/operations/dead-letters/{id}} only.
 */
@Schema(name = "DeadLetter")
public record DeadLetter(
        @Schema(description = "The letter's id in this service") long id,
        @Schema(required = true, description = "The consumer that set it aside (its inbox name; its Kafka copy is on "
                + "<consumer>.dead-letter)", examples = "budget-service.venue") String consumer,
        @Schema(description = "The incoming channel it arrived on", examples = "venue-events") String channel,
        @Schema(required = true, examples = "venue.events") String topic,
        int partition,
        long offset,
        @Schema(description = "The record key (the aggregate id)") String key,
        @Schema(description = "CloudEvents id, when the record had a readable one") UUID eventId,
        @Schema(description = "CloudEvents type, when present", examples = "venue.booking-confirmed.v1")
        String eventType,
        @Schema(description = "CloudEvents subject (the aggregate id), when present") String subject,
        @Schema(required = true, description = "Why it could not be applied (the latest attempt's reason)",
                examples = "no exchange rate from SEK to EUR for the price of booking 3c0f…") String reason,
        @Schema(required = true, description = "The class of the failure",
                examples = "app.convene.backbone.event.PoisonEventException")
        String cause,
        @Schema(required = true) Instant deadLetteredAt,
        @Schema(required = true) State state,
        @Schema(description = "Re-drives tried so far") int attempts,
        @Schema(description = "What the last re-drive or discard did", examples = "applied") String lastOutcome,
        Instant lastAttemptAt,
        @Schema(description = "The operator who last re-drove or discarded it") String handledBy,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The record's value as received (only for a single letter)") String value,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The record's headers as received (only for a single letter)") List<Header> headers) {

    public enum State {
        /** Not applied; can be re-driven or discarded. */
        PENDING,
        /** Applied again through the consumer's inbox (or found already applied there). */
        REDRIVEN,
        /** Marked handled by an operator without applying it. */
        DISCARDED
    }

    /** One header; {@code base64} instead of {@code value} when its bytes are not UTF-8 text. */
    @Schema(name = "DeadLetterHeader")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Header(@Schema(required = true) String name, String value, String base64) {
    }

    /** The letter without its value and headers, as lists show it. */
    DeadLetter summary() {
        return new DeadLetter(id, consumer, channel, topic, partition, offset, key, eventId, eventType, subject, reason,
                cause, deadLetteredAt, state, attempts, lastOutcome, lastAttemptAt, handledBy, null, null);
    }
}
