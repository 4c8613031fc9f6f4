package app.convene.registration.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.registration.domain.Event;
import app.convene.registration.domain.Registration;
import app.convene.registration.domain.RegistrationStatus;
import app.convene.registration.service.Registrations.Attendee;
import app.convene.registration.travel.persistence.TravelRepository;
import app.convene.registration.travel.service.TravelNeeds;

/**
 * Changes of who holds a registration: the attendee's details corrected (name, organisation, answers, language, and
 * by an organizer the address), or the place transferred to another person, who then holds it with its status, its
 * place on the waiting list and its session seats. Each change holds the event's row lock, as registering and
 * cancelling do, and the unique index on active registrations refuses an address that already holds a place at the
 * event. A new address or language is announced ({@code registration.attendee-changed.v1}) for the attendee's mail.
 */
@ApplicationScoped
public class AttendeeChanges {
    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    EventCatalog events;
    @Inject
    EventAccessRules rules;
    @Inject
    Questions questions;
    @Inject
    WaitingList waitingList;
    @Inject
    Outbox outbox;
    @Inject
    Placements placements;
    @Inject
    TravelRepository travel;
    @Inject
    TravelNeeds travelNeeds;

    /** A correction: only the fields given change ({@code organisation} blank clears it; {@code answers} replace). */
    public record Correction(String email, String name, String organisation, Map<String, Object> answers,
            String language) {
    }

    /**
     * Corrects the attendee's details; everything else about the registration stays. An attendee corrects their own
     * until the event ends, but not the address they sign in with; the event's owner, co-organizers and delegates
     * correct anything at any time.
     */
    @Transactional
    public Registration correct(UUID eventId, UUID registrationId, Correction correction) {
        boolean byOrganizer = caller.isOrganizer();
        Registration registration = rules.registration(eventId, registrationId, true);
        if (correction.email() != null && !byOrganizer
                && !correction.email().equalsIgnoreCase(registration.attendeeEmail)) {
            throw ProblemException.invalidField("email", "is the address you sign in with; an organizer of the "
                    + "event corrects it, or transfer the place to another person");
        }
        Map<String, Object> answers = correction.answers() == null ? null
                : questions.check(questions.askedBy(eventId), correction.answers(), "answers");
        Event event = lockChangeable(eventId, registration);
        Instant now = clock.instant();
        if (!byOrganizer && !now.isBefore(event.endsAt)) {
            throw ProblemException.conflict("event-ended", "event " + eventId + " ended at " + event.endsAt
                    + "; ask an organizer to correct the registration");
        }
        String previousEmail = registration.attendeeEmail;
        String previousLanguage = registration.language;
        if (correction.email() != null) {
            registration.attendeeEmail = correction.email();
        }
        if (correction.name() != null) {
            registration.attendeeName = correction.name();
        }
        if (correction.organisation() != null) {
            registration.organisation = correction.organisation().isBlank() ? null : correction.organisation();
        }
        if (correction.answers() != null) {
            registration.answers = answers;
        }
        if (correction.language() != null) {
            registration.language = correction.language();
        }
        if (!registration.attendeeEmail.equalsIgnoreCase(previousEmail)) {
            // The ticket mailed to the previous address no longer admits anyone.
            registration.ticketCode = Registration.newTicketCode();
        }
        writeHolder(registration, byOrganizer);
        announce(registration, previousEmail, previousLanguage, false, now);
        return registration;
    }

    /**
     * Transfers the place to another person: the registration keeps its status, waiting-list place and session seats;
     * the new attendee's details replace the previous one's (answers checked as on registering), and the previous
     * one's travel arrangement is removed (it was theirs). An attendee transfers their own place until the event
     * starts; the event's owner, co-organizers and delegates until it ends, unless the attendee checked in.
     */
    @Transactional
    public Registration transfer(UUID eventId, UUID registrationId, Attendee to) {
        boolean byOrganizer = caller.isOrganizer();
        Registration registration = rules.registration(eventId, registrationId, true);
        Map<String, Object> answers = questions.check(questions.askedBy(eventId), to.answers(), "attendee.answers");
        Event event = lockChangeable(eventId, registration);
        if (to.email().equalsIgnoreCase(registration.attendeeEmail)) {
            throw ProblemException.invalidField("attendee.email", "already holds this registration; to correct "
                    + "the attendee's details, change the registration (PATCH)");
        }
        if (registration.checkedInAt != null) {
            throw ProblemException.conflict("registration-checked-in", "registration " + registrationId
                    + " checked in at " + registration.checkedInAt + "; the person present holds it");
        }
        Instant now = clock.instant();
        Instant until = byOrganizer ? event.endsAt : event.startsAt;
        if (!now.isBefore(until)) {
            throw ProblemException.conflict(byOrganizer ? "event-ended" : "event-started", "event " + eventId
                    + (byOrganizer ? " ended at " : " started at ") + until + "; its places are no longer transferred");
        }
        String previousEmail = registration.attendeeEmail;
        String previousLanguage = registration.language;
        registration.attendeeEmail = to.email();
        registration.attendeeName = to.name();
        registration.organisation = to.organisation() == null || to.organisation().isBlank() ? null
                : to.organisation();
        registration.answers = answers;
        registration.language = to.language() != null ? to.language() : event.language;
        // The previous attendee's ticket no longer admits anyone.
        registration.ticketCode = Registration.newTicketCode();
        writeHolder(registration, byOrganizer);
        if (travel.delete(registrationId)) {
            travelNeeds.announceIfChanged(event);
        }
        announce(registration, previousEmail, previousLanguage, true, now);
        return registration;
    }

    /** Locks the event and reads the registration again under the lock; both must still be active. */
    private Event lockChangeable(UUID eventId, Registration registration) {
        Event event = events.lock(eventId);
        // Read again under the lock: a cancellation, promotion or check-in committed meanwhile is seen.
        Registration.getEntityManager().refresh(registration);
        EventCatalog.requireNotCancelled(event);
        if (registration.status == RegistrationStatus.CANCELLED) {
            throw ProblemException.conflict("registration-cancelled", "registration " + registration.id
                    + " was cancelled at " + registration.cancelledAt + "; register again instead");
        }
        return event;
    }

    /**
     * Writes the change now, so that an address already holding a place at the event is refused by the unique index
     * on active registrations; the answer then names that registration (to organizers).
     */
    private void writeHolder(Registration registration, boolean byOrganizer) {
        try {
            Registration.getEntityManager().flush();
        } catch (PersistenceException e) {
            throw placements.whoHolds(e, registration.eventId, List.of(registration.attendeeEmail), byOrganizer);
        }
    }

    /** A new address (other than by case) or language is announced; a name, organisation or answer stays here. */
    private void announce(Registration registration, String previousEmail, String previousLanguage,
            boolean transferred, Instant now) {
        boolean newAddress = !registration.attendeeEmail.toLowerCase(Locale.ROOT)
                .equals(previousEmail.toLowerCase(Locale.ROOT));
        if (!newAddress && Objects.equals(registration.language, previousLanguage)) {
            return;
        }
        outbox.append(RegistrationEvents.ATTENDEE_CHANGED, RegistrationEvents.AGGREGATE, registration.eventId,
                new RegistrationEvents.AttendeeChanged(registration.eventId, registration.id,
                        registration.attendeeEmail, registration.language, registration.status.name(),
                        waitingList.positionOf(registration), transferred && newAddress, now,
                        newAddress ? registration.ticketCode : null));
    }
}
