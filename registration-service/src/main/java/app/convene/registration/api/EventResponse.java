package app.convene.registration.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.backbone.event.EventAccess;
import app.convene.registration.domain.Event;
import app.convene.registration.domain.EventStatus;
import app.convene.registration.domain.LateCancellationPolicy;
import app.convene.registration.service.EventCatalog.EventView;

public record EventResponse(@Schema(required = true) UUID id, @Schema(required = true) String title,
        String description, @Schema(required = true) EventStatus status, @Schema(required = true) Instant startsAt,
        @Schema(required = true) Instant endsAt, @Schema(required = true) String timeZone,
        @Schema(description = "The capacity the organizer set") int capacity,
        @Schema(description = "Safe occupancy of the booked room, when venue-service announced one")
        Integer roomSafeOccupancy,
        @Schema(description = "Seats that may be confirmed: capacity capped by the room's safe occupancy")
        int effectiveCapacity,
        @Schema(required = true,
                description = "EVENT_CAPACITY or ROOM_SAFE_OCCUPANCY: which of the two limits the seats")
        String capacityLimitedBy,
        int confirmed, int waitlisted, int checkedIn, int noShows, int lateCancellations, int seatsLeft,
        Instant registrationOpensAt,
        @Schema(required = true, description = "When registration closes: the start unless set earlier")
        Instant registrationClosesAt,
        @Schema(required = true, description = "Until when a cancellation is on time: the start unless set earlier")
        Instant cancellationDeadline,
        @Schema(required = true) LateCancellationPolicy lateCancellationPolicy, String venueId, String roomId,
                Instant cancelledAt,
        @Schema(description = "Seen only by its owner, co-organizers and delegates") boolean confidential,
        @Schema(description = "The organisation, owner, co-organizers and delegates; shown to the organisation's "
                + "staff, not to attendees") EventAccess access,
        @Schema(required = true,
                description = "en, sv, nl or ro: what its attendees are written in unless they chose their own")
        String language, @Schema(description = "The department it belongs to, if any") String department) {
    static EventResponse from(EventView view) {
        Event e = view.event();
        return new EventResponse(e.id, e.title, e.description, e.status, e.startsAt, e.endsAt, e.timeZone,
                e.capacity, e.roomSafeOccupancy, e.effectiveCapacity(), e.capacityLimitedBy(), e.confirmedCount,
                e.waitlistedCount, e.checkedInCount, e.noShowCount, e.lateCancellationCount, e.seatsLeft(),
                e.registrationOpensAt, e.registrationClosesAtOrStart(), e.cancellationDeadlineOrStart(),
                e.lateCancellationPolicy, e.venueId, e.roomId, e.cancelledAt,
                view.confidential(), view.access(), e.language, e.department);
    }
}
