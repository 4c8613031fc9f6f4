package app.convene.venue.api;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.venue.domain.ItemOutcome;
import app.convene.venue.service.Checklists;

public record ItemResultRequest(@NotNull UUID itemId, @NotNull ItemOutcome outcome,
        @Size(max = 1000) String note,
        @Schema(description = "Required when the item fails and has no open action") @Valid ActionRequest action) {
    Checklists.ItemResult result() {
        return new Checklists.ItemResult(itemId, outcome, note, action == null ? null : action.terms());
    }
}
