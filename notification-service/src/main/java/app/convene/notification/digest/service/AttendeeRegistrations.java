package app.convene.notification.digest.service;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.PoisonEventException;
import app.convene.backbone.event.RegistrationEvents;
import app.convene.notification.delivery.service.MailLanguages;
import app.convene.notification.digest.persistence.EventRegistrationRepository;
import app.convene.notification.digest.persistence.EventRegistrationRepository.Held;

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

    /**
     * Keeps the confirmation and the attendee's language (an event of version 1 has none: the row keeps the one it
     * has), and answers the registration as it is now kept; likewise for a promotion and a place on the waiting list.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Held onConfirmed(RegistrationEvents.RegistrationConfirmed confirmed) {
        return record(confirmed.registrationId(), confirmed.eventId(), confirmed.attendeeEmail(), "CONFIRMED",
                confirmed.language(), confirmed.ticketCode());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Held onPromoted(RegistrationEvents.RegistrationPromoted promoted) {
        return record(promoted.registrationId(), promoted.eventId(), promoted.attendeeEmail(), "CONFIRMED",
                promoted.language(), promoted.ticketCode());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Held onWaitlisted(RegistrationEvents.RegistrationWaitlisted waitlisted) {
        return record(waitlisted.registrationId(), waitlisted.eventId(), waitlisted.attendeeEmail(), "WAITLISTED",
                waitlisted.language(), null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Held onCancelled(RegistrationEvents.RegistrationCancelled cancelled) {
        return record(cancelled.registrationId(), cancelled.eventId(), cancelled.attendeeEmail(), "CANCELLED",
                cancelled.language(), null);
    }

    /** Keeps the attendee's new address and language; answers the registration as it was and as it now is. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventRegistrationRepository.Changed onAttendeeChanged(RegistrationEvents.AttendeeChanged changed) {
        if (changed.registrationId() == null || changed.eventId() == null || changed.attendeeEmail() == null
                || changed.status() == null || changed.changedAt() == null) {
            throw new PoisonEventException(
                    "an attendee change needs eventId, registrationId, attendeeEmail, status and changedAt");
        }
        return repository.changeAttendee(changed.registrationId(), changed.eventId(),
                normalised(changed.attendeeEmail()), changed.status(), supported(changed.language()),
                ticket(changed.ticketCode()), clock.instant());
    }

    /** The best registration {@code email} holds for the event: confirmed over waitlisted over cancelled. */
    public Standing standing(UUID eventId, String email) {
        return repository.statusesOf(eventId, normalised(email)).stream().map(Standing::valueOf).sorted()
                .findFirst().orElse(Standing.NONE);
    }

    private Held record(UUID registrationId, UUID eventId, String email, String status, String language,
            String ticketCode) {
        if (registrationId == null || eventId == null || email == null) {
            throw new PoisonEventException(
                    "a registration announcement needs eventId, registrationId and attendeeEmail");
        }
        return repository.upsert(registrationId, eventId, normalised(email), status, supported(language),
                ticket(ticketCode), clock.instant());
    }

    /** A ticket code as registration writes them (32 hexadecimal digits); anything else is not kept. */
    private static String ticket(String code) {
        return code != null && code.length() == 32 && code.chars().allMatch(c -> Character.digit(c, 16) >= 0)
                ? code : null;
    }

    private static String supported(String language) {
        return language != null && MailLanguages.SUPPORTED.contains(language) ? language : null;
    }

    private static String normalised(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
