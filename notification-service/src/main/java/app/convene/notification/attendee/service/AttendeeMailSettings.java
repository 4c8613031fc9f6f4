package app.convene.notification.attendee.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.access.EventAccessGuard;
import app.convene.backbone.problem.ProblemException;
import app.convene.notification.attendee.domain.AttendeeEvent;
import app.convene.notification.attendee.persistence.AttendeeMailRepository;
import app.convene.notification.delivery.service.Deliveries;
import app.convene.notification.digest.service.EventDigests;

/**
 * What an event's organizer sets for its attendee mail (how long before the start attendees are reminded), and the
 * personal links in reminders that stop them.
 */
@ApplicationScoped
public class AttendeeMailSettings {
    /** The longest reminder interval: thirty days before the start. */
    public static final Duration LONGEST_REMINDER = Duration.ofDays(30);

    @Inject
    AttendeeMailRepository repository;
    @Inject
    EventDigests digests;
    @Inject
    EventAccessGuard guard;
    @Inject
    Clock clock;

    /** The event's settings as they stand (the defaults until its organizer changes them). */
    public record Settings(UUID eventId, String language, Duration reminderBefore) {
    }

    /** Its settings, for those who may see the event. */
    @Transactional
    public Settings read(UUID eventId) {
        guard.read(eventId);
        digests.existing(eventId);
        AttendeeEvent event = repository.find(eventId);
        return event == null ? new Settings(eventId, "en", Duration.ofHours(24)) : settings(event);
    }

    /**
     * Only the event's owner, co-organizers and delegates change them, once {@code precondition} accepts the settings
     * as they stand (the defaults until changed), read under the event's lock: it throws to refuse, say for an
     * {@code If-Match} naming an earlier state. The event's digest row is locked first, so two changes of one event's
     * settings take turns, also while they are still the defaults.
     */
    @Transactional
    public Settings changeReminder(UUID eventId, Duration reminderBefore, Consumer<Settings> precondition) {
        if (reminderBefore.isNegative() || reminderBefore.isZero()
                || reminderBefore.compareTo(LONGEST_REMINDER) > 0) {
            throw ProblemException.invalidField("reminderBefore", "must be more than zero and at most P30D");
        }
        guard.change(eventId);
        digests.lockExisting(eventId);
        AttendeeEvent event = repository.lockOrCreate(eventId);
        precondition.accept(settings(event));
        event.reminderBefore = reminderBefore.toString();
        return settings(event);
    }

    /** The personal link stops the reminders of its registration; 404 when never sent, 410 when expired. */
    @Transactional
    public UUID unsubscribe(String token) {
        // Links carry base64url tokens; anything else was never sent and is not looked up.
        AttendeeMailRepository.UnsubscribeLink link = token == null || !token.matches("[A-Za-z0-9_-]{1,64}") ? null
                : repository.unsubscribeLink(Deliveries.tokenHash(token));
        if (link == null) {
            throw new ProblemException(404, "not-found", "Not found", "no reminder was sent with this link");
        }
        Instant now = clock.instant();
        if (!now.isBefore(link.expiresAt())) {
            throw new ProblemException(410, "unsubscribe-link-expired", "Gone",
                    "this link expired at " + link.expiresAt());
        }
        UUID registrationId = link.registrationId();
        repository.unsubscribeFromReminders(registrationId, now);
        return registrationId;
    }

    private static Settings settings(AttendeeEvent event) {
        return new Settings(event.eventId, event.language, Duration.parse(event.reminderBefore));
    }
}
