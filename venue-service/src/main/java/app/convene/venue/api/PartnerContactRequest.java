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
                + "optional leading +") String phone,
        @Schema(description = "The language the contact is written to in; en when not given", examples = "sv")
        @Pattern(regexp = "en|sv|nl|ro", message = "must be one of en, sv, nl, ro") String language,
        @Schema(description = "Whether the contact wants the venue's event notices; false when not given")
        Boolean noticesSubscribed) {
    Venues.Contact contact() {
        return new Venues.Contact(name.strip(), role.strip(), email, phone, language == null ? "en" : language,
                Boolean.TRUE.equals(noticesSubscribed));
    }
}
