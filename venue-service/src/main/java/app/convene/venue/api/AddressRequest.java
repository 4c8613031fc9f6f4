package app.convene.venue.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import app.convene.venue.service.Venues;

public record AddressRequest(
        @NotBlank @Size(max = 200) String street,
        @Size(max = 20) String postalCode,
        @NotBlank @Size(max = 100) String city,
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 country code, e.g. NL")
        String country) {
    Venues.Address address() {
        return new Venues.Address(street, postalCode, city, country);
    }
}
