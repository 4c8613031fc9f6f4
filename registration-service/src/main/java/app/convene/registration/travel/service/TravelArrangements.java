package app.convene.registration.travel.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.registration.domain.Event;
import app.convene.registration.domain.EventStatus;
import app.convene.registration.domain.Registration;
import app.convene.registration.domain.RegistrationStatus;
import app.convene.registration.service.EventAccessRules;
import app.convene.registration.service.EventCatalog;
import app.convene.registration.travel.domain.DietaryNeed;
import app.convene.registration.travel.domain.TravelArrangement;
import app.convene.registration.travel.domain.TravelFigures;
import app.convene.registration.travel.domain.TravelMode;
import app.convene.registration.travel.persistence.TravelRepository;

/**
 * Travel and accommodation per registration: given and read by the attendee it belongs to and by the event's owner,
 * co-organizers and delegates; summed per event for its organizers. A change takes the event's row lock and
 * announces the event's new figures in its own transaction ({@link TravelNeeds}).
 */
@ApplicationScoped
public class TravelArrangements {
    /** How far before the event's start and after its end arrival, departure and hotel nights may lie. */
    public static final Duration WINDOW = Duration.ofDays(14);

    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    EventAccessRules rules;
    @Inject
    EventCatalog events;
    @Inject
    TravelNeeds needs;
    @Inject
    TravelRepository repository;

    /** What an attendee travels with and needs; any field may be left open (null, or an empty list). */
    public record Arrangement(Instant arrivalAt, Instant departureAt, TravelMode travelMode, LocalDate hotelCheckIn,
            LocalDate hotelCheckOut, String accessibilityNeeds, List<DietaryNeed> dietaryNeeds, String dietaryNote) {
    }

    /** An event's figures and the time zone its arrival slots and nights are in. */
    public record Summary(UUID eventId, String timeZone, TravelFigures figures) {
    }

    /** The registration's arrangement, for the attendee it belongs to or a member of the event; 404 when none. */
    public TravelArrangement get(UUID eventId, UUID registrationId) {
        rules.registration(eventId, registrationId, false);
        return repository.find(registrationId)
                .orElseThrow(() -> ProblemException.notFound("travel arrangement of registration", registrationId));
    }

    /**
     * Gives or replaces the registration's arrangement: the attendee for their own registration, or whoever may
     * change the event. Refused for a cancelled registration or event; the dates must lie around the event.
     * {@code precondition} sees the arrangement as it is (empty when none was given), under the event's lock, before
     * anything changes.
     */
    @Transactional
    public TravelArrangement put(UUID eventId, UUID registrationId, Arrangement arrangement,
            Consumer<Optional<TravelArrangement>> precondition) {
        Registration registration = rules.registration(eventId, registrationId, true);
        Event event = events.lock(eventId);
        // Read again under the lock: a cancellation committed meanwhile is seen.
        Registration.getEntityManager().refresh(registration);
        if (event.status == EventStatus.CANCELLED) {
            throw ProblemException.conflict("event-cancelled", "event " + eventId + " was cancelled at "
                    + event.cancelledAt + "; its travel no longer changes");
        }
        if (registration.status == RegistrationStatus.CANCELLED) {
            throw ProblemException.conflict("registration-cancelled", "registration " + registrationId
                    + " was cancelled at " + registration.cancelledAt + "; its travel no longer counts");
        }
        Optional<TravelArrangement> current = repository.find(registrationId);
        precondition.accept(current);
        validate(event, arrangement);
        TravelArrangement row = current.orElseGet(() -> {
            TravelArrangement created = new TravelArrangement();
            created.registrationId = registrationId;
            created.eventId = eventId;
            return created;
        });
        row.arrivalAt = arrangement.arrivalAt();
        row.departureAt = arrangement.departureAt();
        row.travelMode = arrangement.travelMode();
        row.hotelCheckIn = arrangement.hotelCheckIn();
        row.hotelCheckOut = arrangement.hotelCheckOut();
        row.accessibilityNeeds = blankToNull(arrangement.accessibilityNeeds());
        row.dietaryNeeds = arrangement.dietaryNeeds() == null ? List.of()
                : arrangement.dietaryNeeds().stream().distinct().toList();
        row.dietaryNote = blankToNull(arrangement.dietaryNote());
        row.updatedAt = clock.instant();
        row.updatedBy = caller.subject();
        row.persistAndFlush();
        needs.announceIfChanged(event);
        return row;
    }

    /** The event's figures, for its owner, co-organizers and delegates. */
    @Transactional
    public Summary summary(UUID eventId) {
        rules.requireMember(eventId);
        Event event = events.find(eventId);
        return new Summary(eventId, event.timeZone, needs.figures(event));
    }

    /** Arrival, departure and hotel nights within {@link #WINDOW} of the event, in order; 400 naming the field. */
    static void validate(Event event, Arrangement a) {
        Instant earliest = event.startsAt.minus(WINDOW);
        Instant latest = event.endsAt.plus(WINDOW);
        if (a.arrivalAt() != null && (a.arrivalAt().isBefore(earliest) || !a.arrivalAt().isBefore(event.endsAt))) {
            throw ProblemException.invalidField("arrivalAt", "must be before the event ends (" + event.endsAt
                    + ") and at most 14 days before it starts (" + event.startsAt + ")");
        }
        if (a.departureAt() != null && (a.departureAt().isAfter(latest)
                || !a.departureAt().isAfter(event.startsAt))) {
            throw ProblemException.invalidField("departureAt", "must be after the event starts (" + event.startsAt
                    + ") and at most 14 days after it ends (" + event.endsAt + ")");
        }
        if (a.arrivalAt() != null && a.departureAt() != null && !a.departureAt().isAfter(a.arrivalAt())) {
            throw ProblemException.invalidField("departureAt", "must be after arrivalAt");
        }
        if ((a.hotelCheckIn() == null) != (a.hotelCheckOut() == null)) {
            throw ProblemException.invalidField(a.hotelCheckIn() == null ? "hotelCheckIn" : "hotelCheckOut",
                    "hotelCheckIn and hotelCheckOut are given together");
        }
        if (a.hotelCheckIn() != null) {
            ZoneId zone = ZoneId.of(event.timeZone);
            LocalDate firstDay = event.startsAt.minus(WINDOW).atZone(zone).toLocalDate();
            LocalDate lastDay = event.endsAt.plus(WINDOW).atZone(zone).toLocalDate();
            if (a.hotelCheckIn().isBefore(firstDay) || !a.hotelCheckIn().isBefore(event.endsAt.atZone(zone)
                    .toLocalDate().plusDays(1))) {
                throw ProblemException.invalidField("hotelCheckIn", "must be on or before the day the event ends ("
                        + event.endsAt.atZone(zone).toLocalDate() + ") and no earlier than " + firstDay);
            }
            if (!a.hotelCheckOut().isAfter(a.hotelCheckIn())) {
                throw ProblemException.invalidField("hotelCheckOut", "must be after hotelCheckIn (at least one night)");
            }
            if (a.hotelCheckOut().isAfter(lastDay)
                    || !a.hotelCheckOut().isAfter(event.startsAt.atZone(zone).toLocalDate())) {
                throw ProblemException.invalidField("hotelCheckOut", "must be after the day the event starts ("
                        + event.startsAt.atZone(zone).toLocalDate() + ") and no later than " + lastDay);
            }
        }
        if (a.dietaryNeeds() != null && a.dietaryNeeds().contains(DietaryNeed.OTHER)
                && blankToNull(a.dietaryNote()) == null) {
            throw ProblemException.invalidField("dietaryNote", "describes the need when dietaryNeeds has OTHER");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
