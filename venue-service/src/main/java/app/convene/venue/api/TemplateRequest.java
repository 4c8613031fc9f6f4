package app.convene.venue.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import app.convene.venue.domain.ChecklistCategory;

public record TemplateRequest(@NotBlank @Size(max = 200) String name, @NotNull ChecklistCategory category,
        @NotEmpty @Size(max = 200) List<@NotNull @Valid TemplateItemRequest> items) {
}
