package app.convene.venue.api;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.venue.service.Closures;

public record VenueClosureRequest(
        @NotNull @Schema(description = "When the closure begins", examples = "2027-05-01T00:00:00Z") Instant from,
        @NotNull @Schema(description = "When the venue (or room) opens again; after from and in the future",
                examples = "2027-05-03T00:00:00Z") Instant until,
        @NotBlank @Size(max = 500) @Schema(description = "Why: works, a strike, a public holiday, a failed inspection"
                + "...; partners are told it") String reason,
        @Schema(description = "Only this room of the venue closes; omit when the whole venue closes") UUID roomId) {
    Closures.ClosureTerms terms() {
        return new Closures.ClosureTerms(from, until, reason.strip(), roomId);
    }
}
