package app.convene.venue.api;

import java.time.Instant;
import java.util.UUID;

import app.convene.venue.domain.ItemOutcome;

public record ItemResponse(UUID id, int position, String description, boolean mandatory, Instant dueAt,
        ItemOutcome outcome, String note, Instant inspectedAt, ActionResponse latestAction, String blocking) {
}
