package app.convene.venue.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record VenueRequest(@NotBlank @Size(max = 200) String name, @NotNull @Valid AddressRequest address) {
}
