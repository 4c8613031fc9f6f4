package app.convene.venue.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.venue.domain.ItemOutcome;

public record ItemResponse(@Schema(required = true) UUID id, int position, @Schema(required = true) String description,
        boolean mandatory, @Schema(required = true) Instant dueAt, ItemOutcome outcome, String note,
        Instant inspectedAt, ActionResponse latestAction, String blocking) {
}
