package app.convene.venue.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record ClosureRequest(@NotBlank @Size(max = 1000) String resolution) {
}
