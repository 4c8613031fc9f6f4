package app.convene.venue.api;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import app.convene.venue.service.Checklists;

public record ActionRequest(@Size(max = 1000) String description, @NotBlank @Size(max = 200) String owner,
        @NotNull Instant dueAt) {
    Checklists.ActionTerms terms() {
        return new Checklists.ActionTerms(description, owner, dueAt);
    }
}
