package app.convene.venue.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.venue.service.Venues;

public record RoomRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @PositiveOrZero @Max(100_000) Integer seatedCapacity,
        @NotNull @PositiveOrZero @Max(100_000) Integer standingCapacity,
        @Schema(description = "Most people the room may hold, from its fire-safety assessment; at most the larger "
                + "capacity") @NotNull @Positive @Max(100_000) Integer safeOccupancy,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> accessibilityFeatures,
        @Size(max = 100) List<@NotBlank @Size(max = 100) String> equipment) {
    Venues.RoomTerms terms() {
        return new Venues.RoomTerms(name.strip(), seatedCapacity, standingCapacity, safeOccupancy,
                accessibilityFeatures, equipment);
    }
}
