package app.convene.registration.api;

import java.util.Map;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.service.Registrations;

public record AttendeeRequest(@NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 200) String name, @Size(max = 200) String organisation,
        @Schema(description = "Answers to the event's questions, by question key: text, one of the choices, or "
                + "true/false") @Size(max = 50) Map<String, Object> answers,
        @Schema(description = "The language the attendee is written in: en, sv, nl or ro; the event's when not set",
                examples = "sv")
        @Pattern(regexp = "en|sv|nl|ro", message = "must be one of en, sv, nl, ro") String language) {
    Registrations.Attendee toAttendee() {
        return new Registrations.Attendee(email, name, organisation, answers, language);
    }
}
