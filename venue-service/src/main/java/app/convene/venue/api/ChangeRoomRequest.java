package app.convene.venue.api;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.venue.service.Venues;

/** A change of a room: only the fields present change; lists given replace the room's. */
public record ChangeRoomRequest(
        @Size(min = 1, max = 200) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank")
        String name,
        @PositiveOrZero @Max(100_000) Integer seatedCapacity,
        @PositiveOrZero @Max(100_000) Integer standingCapacity,
        @Schema(description = "Most people the room may hold, from its fire-safety assessment; at most the larger "
                + "capacity (as changed). Events booked in the room that are not over take it at once")
        @Positive @Max(100_000) Integer safeOccupancy,
        @Size(max = 50) @Schema(description = "Replaces the room's; [] leaves none")
        List<@NotBlank @Size(max = 100) String> accessibilityFeatures,
        @Size(max = 100) @Schema(description = "Replaces the room's; [] leaves none")
        List<@NotBlank @Size(max = 100) String> equipment) {
    Venues.RoomChanges changes() {
        return new Venues.RoomChanges(name, seatedCapacity, standingCapacity, safeOccupancy, accessibilityFeatures,
                equipment);
    }
}
