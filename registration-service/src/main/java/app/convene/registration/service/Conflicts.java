package app.convene.registration.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.convene.registration.domain.Conflict;
import app.convene.registration.persistence.ConflictRepository;

/**
 * Person-level clashes: the same attendee in two events (or two chosen sessions) that overlap in time, or the same
 * speaker in two overlapping sessions. Only events of the caller's organisation that the caller may see are
 * considered: another organisation's events, and confidential events of others, are never named.
 */
@ApplicationScoped
public class Conflicts {
    @Inject
    ConflictRepository repository;
    @Inject
    EventAccessRules rules;

    /** For the event's owner, co-organizers and delegates. */
    public List<Conflict> forEvent(UUID eventId) {
        rules.requireMember(eventId);
        List<Conflict> conflicts = new ArrayList<>(repository.attendeesInOverlappingEvents(eventId, null));
        conflicts.addAll(repository.attendeesInOverlappingSessions(eventId, null));
        conflicts.addAll(repository.speakersInOverlappingSessions(eventId));
        return conflicts;
    }

    /**
     * The clashes of newcomers registering together with these session choices, each newcomer's in turn, read before
     * they are placed (so not while the event's row is locked): for organizers only (null for attendees), as
     * {@link #forAttendee} reads them once the registrations exist. The chosen sessions' overlaps are the same for
     * every newcomer and read once.
     */
    public List<List<Conflict>> forNewcomers(UUID eventId, List<String> emails, List<UUID> sessionIds) {
        if (!rules.seesOthers()) {
            return Collections.nCopies(emails.size(), null);
        }
        List<Conflict> sessionOverlaps = sessionIds.isEmpty() ? List.of()
                : repository.overlapsAmongSessions(eventId, sessionIds);
        List<List<Conflict>> warnings = new ArrayList<>();
        for (String email : emails) {
            List<Conflict> conflicts = new ArrayList<>(repository.newcomerInOverlappingEvents(eventId, email));
            sessionOverlaps.forEach(overlap -> conflicts.add(new Conflict(overlap.kind(), email, overlap.here(),
                    overlap.elsewhere())));
            warnings.add(conflicts);
        }
        return warnings;
    }

    /**
     * The clashes one attendee has with this event (for the warning on a registration answer), shown to organizers
     * only (null for attendees). Without session choices there is no clash between sessions to look for.
     */
    public List<Conflict> forAttendee(UUID eventId, String email, boolean hasSessions) {
        // An attendee's token sees no warnings: they would tell where else (and whether) people are registered.
        if (!rules.seesOthers()) {
            return null;
        }
        List<Conflict> conflicts = new ArrayList<>(repository.attendeesInOverlappingEvents(eventId, email));
        if (hasSessions) {
            conflicts.addAll(repository.attendeesInOverlappingSessions(eventId, email));
        }
        return conflicts;
    }
}
