package app.convene.venue.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.venue.service.Venues;

/** A change of a partner contact: only the fields present change. */
public record ChangePartnerContactRequest(
        @Size(min = 1, max = 200) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank")
        String name,
        @Size(min = 1, max = 100) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank")
        String role,
        @Email @Size(min = 3, max = 254) String email,
        @Schema(description = "Empty clears it")
        @Pattern(regexp = "|\\+?[0-9 ()-]{5,40}", message = "must be a phone number: digits, spaces, (), - and an "
                + "optional leading +; empty clears it") String phone,
        @Pattern(regexp = "en|sv|nl|ro", message = "must be one of en, sv, nl, ro") String language,
        @Schema(description = "Whether the contact wants the venue's event notices; false stops them")
        Boolean noticesSubscribed) {
    Venues.ContactChanges changes() {
        return new Venues.ContactChanges(name == null ? null : name.strip(), role == null ? null : role.strip(),
                email, phone, language, noticesSubscribed);
    }
}
