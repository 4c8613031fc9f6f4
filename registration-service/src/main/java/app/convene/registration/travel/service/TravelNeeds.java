package app.convene.registration.travel.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.event.RegistrationEvents.TravelNeedsChanged;
import app.convene.backbone.outbox.Outbox;
import app.convene.registration.domain.Event;
import app.convene.registration.travel.domain.TravelFigures;
import app.convene.registration.travel.persistence.TravelRepository;

/**
 * Announces an event's travel and accommodation figures ({@code registration.travel-needs-changed.v1}) whenever they
 * moved: an arrangement given or changed, a registration with one cancelled, a waiting attendee with one promoted.
 * Callers hold the event's row lock, so the figures are summed, compared and numbered one change at a time, and the
 * announcement commits with the change.
 */
@ApplicationScoped
public class TravelNeeds {
    @Inject
    Clock clock;
    @Inject
    Outbox outbox;
    @Inject
    TravelRepository repository;

    /** The event's figures now: its confirmed attendees' arrangements. */
    public TravelFigures figures(Event event) {
        return TravelFigures.of(repository.ofConfirmed(event.id), ZoneId.of(event.timeZone));
    }

    /**
     * Sums the event's figures and announces them when they differ from those announced last (an event that never
     * had any figures announces none while it has none). Call with the event's row lock held, after the change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announceIfChanged(Event event) {
        TravelFigures figures = figures(event);
        TravelNeedsChanged unnumbered = payload(event, figures, 0, null);
        String signature = unnumbered.toString();
        String last = repository.lastAnnounced(event.id).orElse(null);
        if (last == null ? figures.isEmpty() : last.equals(signature)) {
            return;
        }
        Instant now = clock.instant();
        long sequence = repository.recordAnnounced(event.id, signature, now);
        outbox.append(RegistrationEvents.TRAVEL_NEEDS_CHANGED, RegistrationEvents.AGGREGATE, event.id,
                payload(event, figures, sequence, now));
    }

    private static TravelNeedsChanged payload(Event event, TravelFigures figures, long sequence, Instant at) {
        return new TravelNeedsChanged(event.id, sequence, figures.travellers(), figures.roomNights(),
                figures.roomsPerNight().entrySet().stream()
                        .map(e -> new RegistrationEvents.NightRooms(e.getKey(), e.getValue())).toList(),
                figures.travellersByMode().entrySet().stream()
                        .map(e -> new RegistrationEvents.ModeCount(e.getKey().name(), e.getValue())).toList(),
                figures.dietaryNeeds().entrySet().stream()
                        .map(e -> new RegistrationEvents.NeedCount(e.getKey().name(), e.getValue())).toList(),
                figures.accessibilityNeeds(), at);
    }
}
