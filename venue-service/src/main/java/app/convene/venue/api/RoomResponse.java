package app.convene.venue.api;

import java.util.List;
import java.util.UUID;

import app.convene.venue.domain.Room;

public record RoomResponse(UUID id, UUID venueId, String name, int seatedCapacity, int standingCapacity,
        int safeOccupancy, List<String> accessibilityFeatures, List<String> equipment) {
    static RoomResponse from(Room r) {
        return new RoomResponse(r.id, r.venueId, r.name, r.seatedCapacity, r.standingCapacity, r.safeOccupancy,
                List.of(r.accessibilityFeatures), List.of(r.equipment));
    }
}
