package app.convene.venue.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A change of a venue: only the fields present change; an address given replaces the venue's whole. */
public record ChangeVenueRequest(
        @Size(min = 1, max = 200) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank")
        String name,
        @Valid @Schema(description = "Replaces the venue's address whole (street, postal code, city, country)")
        AddressRequest address) {
}
