package app.convene.registration.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.convene.registration.domain.Question;

/** Reads the {@code question} rows of an event. */
@ApplicationScoped
public class QuestionRepository {
    /** The event's questions in the order they were added. */
    public List<Question> ofEvent(UUID eventId) {
        return Question.list("eventId = ?1 order by position", eventId);
    }

    /** Whether the event already asks a question under {@code key}. */
    public boolean isAsked(UUID eventId, String key) {
        return Question.count("eventId = ?1 and key = ?2", eventId, key) > 0;
    }

    public int countOf(UUID eventId) {
        return (int) Question.count("eventId", eventId);
    }
}
