package app.convene.budget.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record JournalMarkerRequest(
        @NotNull @PositiveOrZero
        @Schema(description = "The newest ledger entry of the export booked: its Journal-Up-To header",
                examples = "1234") Long upTo) {
}
