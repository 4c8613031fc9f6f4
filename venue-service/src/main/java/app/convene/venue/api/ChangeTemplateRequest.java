package app.convene.venue.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.venue.domain.ChecklistCategory;

/** A change of a checklist template: only the fields present change; items given replace them all. */
public record ChangeTemplateRequest(
        @Size(min = 1, max = 200) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank")
        String name,
        ChecklistCategory category,
        @Size(min = 1, max = 200) @Schema(description = "Every item of the template from now on, in order")
        List<@NotNull @Valid TemplateItemRequest> items) {
}
