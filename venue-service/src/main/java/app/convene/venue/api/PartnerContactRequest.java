package app.convene.venue.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.venue.service.Venues;

public record PartnerContactRequest(
        @NotBlank @Size(max = 200) String name,
        @Schema(examples = "catering") @NotBlank @Size(max = 100) String role,
        @NotBlank @Email @Size(max = 254) String email,
        @Pattern(regexp = "\\+?[0-9 ()-]{5,40}", message = "must be a phone number: digits, spaces, (), - and an "
                + "optional leading +") String phone) {
    Venues.Contact contact() {
        return new Venues.Contact(name.strip(), role.strip(), email, phone);
    }
}
