package app.convene.registration.api;

import java.util.List;
import java.util.UUID;

import app.convene.registration.domain.Question;

public record QuestionResponse(UUID id, String key, String label, Question.Kind kind, boolean required,
        List<String> choices) {
    static QuestionResponse from(Question q) {
        return new QuestionResponse(q.id, q.key, q.label, q.kind, q.required, q.choices);
    }
}
