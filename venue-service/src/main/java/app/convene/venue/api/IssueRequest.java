package app.convene.venue.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record IssueRequest(
        @Schema(examples = "The loading dock is blocked by waste containers on delivery mornings")
        @NotBlank @Size(max = 2000) String description,
        @NotNull @Valid RaisedByRequest raisedBy) {
}
