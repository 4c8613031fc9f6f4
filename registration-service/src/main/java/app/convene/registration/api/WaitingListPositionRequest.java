package app.convene.registration.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where on the waiting list a registration is to stand. */
public record WaitingListPositionRequest(
        @NotNull @Min(1) @Max(1_000_000)
        @Schema(description = "1 = next to be promoted; at most the length of the waiting list", examples = "1")
        Integer position) {
}
