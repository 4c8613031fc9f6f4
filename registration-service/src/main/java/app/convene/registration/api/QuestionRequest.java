package app.convene.registration.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import app.convene.registration.domain.Question;
import app.convene.registration.service.Questions;

public record QuestionRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z][a-z0-9-]*", message = "must be lower-case letters, "
                + "digits and dashes, starting with a letter") String key,
        @NotBlank @Size(max = 500) String label,
        @NotNull Question.Kind kind,
        @NotNull Boolean required,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> choices) {
    Questions.NewQuestion toQuestion() {
        return new Questions.NewQuestion(key, label, kind, required, choices);
    }
}
