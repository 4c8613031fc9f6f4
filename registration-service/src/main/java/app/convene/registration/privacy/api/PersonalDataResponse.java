package app.convene.registration.privacy.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.privacy.persistence.PersonalDataRepository.SpeakerRow;
import app.convene.registration.privacy.service.PersonalData;

public record PersonalDataResponse(@Schema(required = true) String email,
        @Schema(required = true) List<PersonalData.HeldRegistration> registrations,
        @Schema(required = true) List<SpeakerRow> speakers) {
    static PersonalDataResponse from(PersonalData.Export export) {
        return new PersonalDataResponse(export.email(), export.registrations(), export.speakers());
    }
}
