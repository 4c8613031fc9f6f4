package app.convene.venue.api;

import java.time.Instant;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.venue.service.Checklists;

/** A corrective action handed to someone else, given more time, or described better: only the fields present change. */
public record ChangeActionRequest(
        @Size(min = 1, max = 1000) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank")
        String description,
        @Size(min = 1, max = 200) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank")
        @Schema(description = "Who does it from now on") String owner,
        @Schema(description = "By when, from now on") Instant dueAt) {
    Checklists.ActionChanges changes() {
        return new Checklists.ActionChanges(description == null ? null : description.strip(),
                owner == null ? null : owner.strip(), dueAt);
    }
}
