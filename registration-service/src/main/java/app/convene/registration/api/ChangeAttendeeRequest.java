package app.convene.registration.api;

import java.util.Map;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.service.AttendeeChanges;

/** A correction of a registration's attendee: only the fields present change. */
public record ChangeAttendeeRequest(
        @Email @Size(min = 3, max = 254) @Schema(description = "The attendee's address, corrected (organizers only; "
                + "to hand the place to another person, transfer it)") String email,
        @Size(min = 1, max = 200) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank")
        String name,
        @Size(max = 200) @Schema(description = "Empty clears it") String organisation,
        @Size(max = 50) @Schema(description = "Answers to the event's questions, by question key; they replace the "
                + "answers given before and are checked as on registering (required questions included)")
        Map<String, Object> answers,
        @Pattern(regexp = "en|sv|nl|ro", message = "must be one of en, sv, nl, ro") String language) {
    AttendeeChanges.Correction toCorrection() {
        return new AttendeeChanges.Correction(email, name, organisation, answers, language);
    }
}
