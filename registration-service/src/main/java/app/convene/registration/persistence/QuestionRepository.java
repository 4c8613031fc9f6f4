package app.convene.registration.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.registration.domain.Question;

/** Reads the {@code question} rows of an event. */
@ApplicationScoped
public class QuestionRepository {
    private static final TypeReference<List<String>> CHOICES = new TypeReference<>() {
    };

    @Inject
    EntityManager entityManager;
    @Inject
    ObjectMapper objectMapper;

    /** The event's questions in the order they were added. */
    public List<Question> ofEvent(UUID eventId) {
        return Question.list("eventId = ?1 order by position", eventId);
    }

    /**
     * The event's questions in order, as values to check answers against (not managed, never written back). Every
     * registration reads them, so they are read over the transaction's connection directly; questions are only ever
     * added in transactions of their own, so none waits to be flushed here.
     */
    public List<Question> askedBy(UUID eventId) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select id, key, label, kind, required, cast(choices as text), position
                    from question where event_id = ? and retired_at is null order by position""")) {
                select.setObject(1, eventId);
                List<Question> questions = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Question question = new Question();
                        question.id = rows.getObject(1, UUID.class);
                        question.eventId = eventId;
                        question.key = rows.getString(2);
                        question.label = rows.getString(3);
                        question.kind = Question.Kind.valueOf(rows.getString(4));
                        question.required = rows.getBoolean(5);
                        question.choices = choices(question.id, rows.getString(6));
                        question.position = rows.getInt(7);
                        questions.add(question);
                    }
                }
                return questions;
            }
        });
    }

    private List<String> choices(UUID questionId, String json) {
        if (json == null) {
            return null;
        }
        try {
            return objectMapper.readValue(json, CHOICES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the choices of question " + questionId + " are unreadable", e);
        }
    }

    /** Whether the event asks, or asked, a question under {@code key} (a retired one keeps it for its answers). */
    public boolean isAsked(UUID eventId, String key) {
        return Question.count("eventId = ?1 and key = ?2", eventId, key) > 0;
    }

    public int countOf(UUID eventId) {
        return (int) Question.count("eventId", eventId);
    }
}
