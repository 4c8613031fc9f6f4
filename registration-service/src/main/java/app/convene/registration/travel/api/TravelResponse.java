package app.convene.registration.travel.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.travel.domain.TravelArrangement;

/** A registration's travel and accommodation as given. */
public record TravelResponse(@Schema(required = true) UUID registrationId, @Schema(required = true) UUID eventId,
        Instant arrivalAt, Instant departureAt,
        @Schema(description = "AIR, RAIL, CAR, COACH, OTHER or NONE; null when not given") String travelMode,
        LocalDate hotelCheckIn, LocalDate hotelCheckOut,
        @Schema(required = true,
                description = "Each night, named by the date it starts on") List<LocalDate> hotelNights,
        String accessibilityNeeds, @Schema(required = true) List<String> dietaryNeeds, String dietaryNote,
                @Schema(required = true) Instant updatedAt,
        @Schema(required = true, description = "Who gave it last: the attendee or an organizer") String updatedBy) {

    static TravelResponse from(TravelArrangement t) {
        return new TravelResponse(t.registrationId, t.eventId, t.arrivalAt, t.departureAt,
                t.travelMode == null ? null : t.travelMode.name(), t.hotelCheckIn, t.hotelCheckOut, t.hotelNights(),
                t.accessibilityNeeds, t.dietaryNeeds.stream().map(Enum::name).toList(), t.dietaryNote, t.updatedAt,
                t.updatedBy);
    }
}
