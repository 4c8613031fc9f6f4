package app.convene.registration.travel.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.travel.domain.DietaryNeed;
import app.convene.registration.travel.domain.TravelMode;
import app.convene.registration.travel.service.TravelArrangements;

/** A registration's travel and accommodation, replacing what was given before; every field may be left out. */
public record TravelRequest(
        @Schema(description = "When the attendee arrives, with its offset; before the event ends, at most 14 days "
                + "before it starts", examples = "2027-03-14T16:30:00+01:00") OffsetDateTime arrivalAt,
        @Schema(description = "When the attendee leaves, after arrivalAt and the event's start, at most 14 days "
                + "after it ends", examples = "2027-03-17T11:00:00+01:00") OffsetDateTime departureAt,
        @Pattern(regexp = MODES, message = "must be one of AIR, RAIL, CAR, COACH, OTHER, NONE")
        @Schema(description = "AIR, RAIL, CAR, COACH, OTHER or NONE (no travel needed)", examples = "RAIL")
        String travelMode,
        @Schema(description = "First hotel night; given with hotelCheckOut", examples = "2027-03-14")
        LocalDate hotelCheckIn,
        @Schema(description = "The morning after the last hotel night", examples = "2027-03-17")
        LocalDate hotelCheckOut,
        @Size(max = 500) @Schema(description = "What the attendee needs to take part (step-free access, a sign "
                + "language interpreter, ...)", examples = "Wheelchair user: step-free room and venue")
        String accessibilityNeeds,
        @Size(max = 8) @Schema(description = "VEGETARIAN, VEGAN, GLUTEN_FREE, LACTOSE_FREE, HALAL, KOSHER, "
                + "NUT_ALLERGY or OTHER (described in dietaryNote)", examples = "[\"VEGETARIAN\", \"NUT_ALLERGY\"]")
        List<@NotNull @Pattern(regexp = NEEDS, message = "must be one of VEGETARIAN, VEGAN, GLUTEN_FREE, "
                + "LACTOSE_FREE, HALAL, KOSHER, NUT_ALLERGY, OTHER") String> dietaryNeeds,
        @Size(max = 200) @Schema(description = "What OTHER means, or more about a need", examples = "No sesame")
        String dietaryNote) {

    static final String MODES = "AIR|RAIL|CAR|COACH|OTHER|NONE";
    static final String NEEDS = "VEGETARIAN|VEGAN|GLUTEN_FREE|LACTOSE_FREE|HALAL|KOSHER|NUT_ALLERGY|OTHER";

    TravelArrangements.Arrangement toArrangement() {
        return new TravelArrangements.Arrangement(arrivalAt == null ? null : arrivalAt.toInstant(),
                departureAt == null ? null : departureAt.toInstant(),
                travelMode == null ? null : TravelMode.valueOf(travelMode), hotelCheckIn, hotelCheckOut,
                accessibilityNeeds, dietaryNeeds == null ? List.of()
                        : dietaryNeeds.stream().map(DietaryNeed::valueOf).toList(), dietaryNote);
    }
}
