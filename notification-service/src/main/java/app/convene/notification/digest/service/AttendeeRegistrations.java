package app.convene.notification.digest.service;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.PoisonEventException;
import app.convene.backbone.event.RegistrationEvents;
import app.convene.notification.digest.persistence.EventRegistrationRepository;

/**
 * Who holds a registration for each event, kept from registration-service's announcements (table
 * {@code event_registration}, one row per registration). An event's announcements share a record key and arrive in
 * order; a cancellation is final, so a confirmation replayed after it changes nothing.
 */
@ApplicationScoped
public class AttendeeRegistrations {
    /** What an attendee holds for an event, best first. */
    public enum Standing {
        CONFIRMED, WAITLISTED, CANCELLED, NONE
    }

    @Inject
    EventRegistrationRepository repository;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onConfirmed(RegistrationEvents.RegistrationConfirmed confirmed) {
        record(confirmed.registrationId(), confirmed.eventId(), confirmed.attendeeEmail(), "CONFIRMED");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onPromoted(RegistrationEvents.RegistrationPromoted promoted) {
        record(promoted.registrationId(), promoted.eventId(), promoted.attendeeEmail(), "CONFIRMED");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onWaitlisted(RegistrationEvents.RegistrationWaitlisted waitlisted) {
        record(waitlisted.registrationId(), waitlisted.eventId(), waitlisted.attendeeEmail(), "WAITLISTED");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onCancelled(RegistrationEvents.RegistrationCancelled cancelled) {
        record(cancelled.registrationId(), cancelled.eventId(), cancelled.attendeeEmail(), "CANCELLED");
    }

    /** The best registration {@code email} holds for the event: confirmed over waitlisted over cancelled. */
    public Standing standing(UUID eventId, String email) {
        return repository.statusesOf(eventId, normalised(email)).stream().map(Standing::valueOf).sorted()
                .findFirst().orElse(Standing.NONE);
    }

    private void record(UUID registrationId, UUID eventId, String email, String status) {
        if (registrationId == null || eventId == null || email == null) {
            throw new PoisonEventException(
                    "a registration announcement needs eventId, registrationId and attendeeEmail");
        }
        repository.upsert(registrationId, eventId, normalised(email), status, clock.instant());
    }

    private static String normalised(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
