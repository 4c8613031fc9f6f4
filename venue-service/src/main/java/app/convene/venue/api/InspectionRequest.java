package app.convene.venue.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record InspectionRequest(@NotEmpty @Size(max = 500) List<@NotNull @Valid ItemResultRequest> results) {
}
