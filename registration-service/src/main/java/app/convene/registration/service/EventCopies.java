package app.convene.registration.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.problem.ProblemException;
import app.convene.registration.domain.Event;
import app.convene.registration.domain.EventStatus;
import app.convene.registration.domain.Question;
import app.convene.registration.domain.Session;
import app.convene.registration.service.EventCatalog.EventTerms;
import app.convene.registration.service.EventCatalog.EventView;

/**
 * A new event made from one the caller may see (next year's conference from this year's): its terms, sessions with
 * their speakers, and questions, moved to the new start; none of its registrations, access, room or cancelled
 * sessions and retired questions. The copy is the caller's, scheduled as any new event is.
 */
@ApplicationScoped
public class EventCopies {
    @Inject
    EventCatalog events;
    @Inject
    Sessions sessions;
    @Inject
    Questions questions;

    @Transactional
    public EventView copy(UUID sourceId, String title, Instant startsAt, EventStatus status) {
        EventView source = events.read(sourceId);
        Event from = source.event();
        Duration shift = Duration.between(from.startsAt, startsAt);
        // Only the start is given: a copy that would end out of range is named by it.
        if (startsAt.isBefore(EventCatalog.EARLIEST_START)) {
            throw ProblemException.invalidField("startsAt", "must not be before " + EventCatalog.EARLIEST_START);
        }
        if (from.endsAt.plus(shift).isAfter(EventCatalog.LATEST_END)) {
            throw ProblemException.invalidField("startsAt", "must leave the copy ending by " + EventCatalog.LATEST_END
                    + " (it lasts " + Duration.between(from.startsAt, from.endsAt) + ")");
        }
        EventView copy = events.schedule(new EventTerms(title != null ? title : from.title, from.description,
                startsAt, from.endsAt.plus(shift), from.timeZone, from.capacity, moved(from.registrationOpensAt, shift),
                moved(from.registrationClosesAt, shift), moved(from.cancellationDeadline, shift),
                from.lateCancellationPolicy, null, null, source.confidential(), from.language, from.department),
                status == null ? EventStatus.DRAFT : status);
        UUID copyId = copy.event().id;
        for (Sessions.SessionView view : sessions.sessionsOf(sourceId)) {
            Session session = view.session();
            if (session.cancelledAt == null) {
                sessions.create(copyId, new Sessions.NewSession(session.title, session.startsAt.plus(shift),
                        session.endsAt.plus(shift), session.capacity, view.speakers()));
            }
        }
        for (Question question : questions.list(sourceId)) {
            if (question.retiredAt == null) {
                questions.add(copyId, new Questions.NewQuestion(question.key, question.label, question.kind,
                        question.required, question.choices == null ? null : List.copyOf(question.choices)));
            }
        }
        return copy;
    }

    private static Instant moved(Instant at, Duration shift) {
        return at == null ? null : at.plus(shift);
    }
}
