package app.convene.registration.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The sessions a registration attends from now on: every one of them; [] leaves it in none. */
public record SessionChoicesRequest(
        @NotNull @Size(max = 50) @Schema(description = "Sessions of the event, each once; those left out are given "
                + "up, those added take a seat now (confirmed) or wait for the promotion (waitlisted)")
        List<@NotNull UUID> sessionIds) {
}
