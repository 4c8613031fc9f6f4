package app.convene.budget.api;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whose budget's lines to copy. */
public record LineCopyRequest(@NotNull @Schema(description = "The event whose budget's lines are copied (one you "
        + "may see the budget of)") UUID fromEventId) {
}
