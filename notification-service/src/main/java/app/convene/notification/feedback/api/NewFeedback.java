package app.convene.notification.feedback.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record NewFeedback(@Schema(description = "1 (poor) to 5 (excellent)") @NotNull @Min(1) @Max(5) Integer rating,
        @Size(max = 2000) @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL") String comment) {
}
