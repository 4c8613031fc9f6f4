package app.convene.registration.travel.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.travel.domain.DietaryNeed;
import app.convene.registration.travel.domain.TravelFigures;
import app.convene.registration.travel.domain.TravelMode;
import app.convene.registration.travel.service.TravelArrangements;

/** An event's travel and accommodation figures, summed over its confirmed attendees. */
public record TravelSummaryResponse(@Schema(required = true) UUID eventId,
        @Schema(required = true,
                description = "The event's time zone: nights and arrival hours are in it") String timeZone,
        @Schema(description = "Confirmed attendees who gave travel or accommodation") int travellers,
        @Schema(description = "Hotel rooms over all nights (one room per attendee and night)") int roomNights,
        @Schema(required = true) List<NightRooms> roomsPerNight,
        @Schema(required = true,
                description = "Every mode, zero when nobody travels by it") List<ModeCount> travellersByMode,
        @Schema(required = true,
                description = "Every dietary need, zero when nobody has it") List<NeedCount> dietaryNeeds,
        @Schema(description = "Attendees who described an accessibility need") int accessibilityNeeds,
        @Schema(required = true,
                description = "Arrivals per hour, hours without arrivals left out") List<ArrivalSlot> arrivalsPerHour) {

    /** Hotel rooms needed for the night starting on {@code night}. */
    public record NightRooms(@Schema(required = true) LocalDate night, int rooms) {
    }

    public record ModeCount(@Schema(required = true) String mode, int travellers) {
    }

    public record NeedCount(@Schema(required = true) String need, int attendees) {
    }

    /** Arrivals from {@code from} (in the event's time zone) for one hour. */
    public record ArrivalSlot(@Schema(required = true) OffsetDateTime from, int arrivals) {
    }

    static TravelSummaryResponse from(TravelArrangements.Summary summary) {
        TravelFigures f = summary.figures();
        return new TravelSummaryResponse(summary.eventId(), summary.timeZone(), f.travellers(), f.roomNights(),
                f.roomsPerNight().entrySet().stream().map(e -> new NightRooms(e.getKey(), e.getValue())).toList(),
                Arrays.stream(TravelMode.values())
                        .map(m -> new ModeCount(m.name(), f.travellersByMode().getOrDefault(m, 0))).toList(),
                Arrays.stream(DietaryNeed.values())
                        .map(n -> new NeedCount(n.name(), f.dietaryNeeds().getOrDefault(n, 0))).toList(),
                f.accessibilityNeeds(),
                f.arrivalsPerHour().entrySet().stream()
                        .map(e -> new ArrivalSlot(e.getKey().toOffsetDateTime(), e.getValue())).toList());
    }
}
