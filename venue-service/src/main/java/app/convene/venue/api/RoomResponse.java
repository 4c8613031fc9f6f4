package app.convene.venue.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.venue.domain.Room;

public record RoomResponse(@Schema(required = true) UUID id, @Schema(required = true) UUID venueId,
        @Schema(required = true) String name, int seatedCapacity, int standingCapacity, int safeOccupancy,
        @Schema(required = true) List<String> accessibilityFeatures, @Schema(required = true) List<String> equipment,
        @Schema(description = "When the room was retired (no longer listed with its venue or bookable); null while "
                + "in use") Instant retiredAt) {
    static RoomResponse from(Room r) {
        return new RoomResponse(r.id, r.venueId, r.name, r.seatedCapacity, r.standingCapacity, r.safeOccupancy,
                List.of(r.accessibilityFeatures), List.of(r.equipment), r.retiredAt);
    }
}
