package app.convene.venue.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.venue.service.Checklists;

public record TemplateItemRequest(@NotBlank @Size(max = 500) String description, @NotNull Boolean mandatory,
        @Schema(description = "The item is due this many hours before the event starts")
        @NotNull @PositiveOrZero @Max(8760) Integer dueHoursBeforeStart) {
    Checklists.TemplateItem item() {
        return new Checklists.TemplateItem(description.strip(), mandatory, dueHoursBeforeStart);
    }
}
