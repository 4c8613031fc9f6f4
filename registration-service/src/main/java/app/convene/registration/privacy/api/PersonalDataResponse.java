package app.convene.registration.privacy.api;

import java.util.List;

import app.convene.registration.privacy.persistence.PersonalDataRepository.SpeakerRow;
import app.convene.registration.privacy.service.PersonalData;

public record PersonalDataResponse(String email, List<PersonalData.HeldRegistration> registrations,
        List<SpeakerRow> speakers) {
    static PersonalDataResponse from(PersonalData.Export export) {
        return new PersonalDataResponse(export.email(), export.registrations(), export.speakers());
    }
}
