package app.convene.registration.meeting.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Every item of the agenda, once, in the new order. */
public record AgendaOrderRequest(
        @NotNull @Size(max = 100) @Schema(description = "Every item's id, once, first to last")
        List<@NotNull UUID> itemIds) {
}
