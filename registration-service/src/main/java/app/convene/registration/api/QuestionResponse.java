package app.convene.registration.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.domain.Question;

public record QuestionResponse(@Schema(required = true) UUID id, @Schema(required = true) String key,
        @Schema(required = true) String label, @Schema(required = true) Question.Kind kind, boolean required,
        List<String> choices,
        @Schema(description = "When the question was retired: no longer asked, answers given under its key stay; null "
                + "while asked") java.time.Instant retiredAt) {
    static QuestionResponse from(Question q) {
        return new QuestionResponse(q.id, q.key, q.label, q.kind, q.required, q.choices, q.retiredAt);
    }
}
