package app.convene.venue.api;

import java.util.UUID;

import app.convene.venue.domain.ItemOutcome;

public record ResultResponse(UUID itemId, ItemOutcome outcome, String note) {
}
