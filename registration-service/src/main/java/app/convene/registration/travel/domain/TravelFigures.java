package app.convene.registration.travel.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An event's travel and accommodation figures, summed from its confirmed attendees' arrangements: how many gave one,
 * hotel rooms per night (one room per attendee and night), travellers per mode, dietary needs, how many need
 * accessibility support, and arrivals per hour in the event's time zone. Figures only: nobody is named.
 */
public record TravelFigures(int travellers, SortedMap<LocalDate, Integer> roomsPerNight,
        Map<TravelMode, Integer> travellersByMode, Map<DietaryNeed, Integer> dietaryNeeds, int accessibilityNeeds,
        SortedMap<ZonedDateTime, Integer> arrivalsPerHour) {

    public static TravelFigures of(Collection<TravelArrangement> arrangements, ZoneId zone) {
        SortedMap<LocalDate, Integer> rooms = new TreeMap<>();
        Map<TravelMode, Integer> modes = new EnumMap<>(TravelMode.class);
        Map<DietaryNeed, Integer> dietary = new EnumMap<>(DietaryNeed.class);
        SortedMap<ZonedDateTime, Integer> arrivals = new TreeMap<>();
        int accessibility = 0;
        for (TravelArrangement arrangement : arrangements) {
            arrangement.hotelNights().forEach(night -> rooms.merge(night, 1, Integer::sum));
            if (arrangement.travelMode != null) {
                modes.merge(arrangement.travelMode, 1, Integer::sum);
            }
            arrangement.dietaryNeeds.stream().distinct().forEach(need -> dietary.merge(need, 1, Integer::sum));
            if (arrangement.hasAccessibilityNeeds()) {
                accessibility++;
            }
            if (arrangement.arrivalAt != null) {
                arrivals.merge(hourOf(arrangement.arrivalAt, zone), 1, Integer::sum);
            }
        }
        return new TravelFigures(arrangements.size(), rooms, modes, dietary, accessibility, arrivals);
    }

    /** The hour (in the event's time zone) an arrival falls in. */
    static ZonedDateTime hourOf(Instant at, ZoneId zone) {
        return at.atZone(zone).truncatedTo(ChronoUnit.HOURS);
    }

    public int roomNights() {
        return roomsPerNight.values().stream().mapToInt(Integer::intValue).sum();
    }

    public boolean isEmpty() {
        return travellers == 0;
    }
}
