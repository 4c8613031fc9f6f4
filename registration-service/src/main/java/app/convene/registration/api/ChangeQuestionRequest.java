package app.convene.registration.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A change of a question: only the fields present change; its key and kind stay what answers were given under. */
public record ChangeQuestionRequest(
        @Size(min = 1, max = 500) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank")
        String label,
        @Schema(description = "Holds for registrations from now on; answers already given are not asked again")
        Boolean required,
        @Size(max = 50) @Schema(description = "A CHOICE question's choices: every one it has stays (answers may name "
                + "it), new ones may be added and the order changed")
        List<@NotBlank @Size(max = 200) String> choices) {
}
