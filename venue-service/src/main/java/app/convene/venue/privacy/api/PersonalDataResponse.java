package app.convene.venue.privacy.api;

import java.util.List;

import app.convene.venue.privacy.persistence.PersonalDataRepository.ContactRow;
import app.convene.venue.privacy.persistence.PersonalDataRepository.IssueRow;
import app.convene.venue.privacy.service.PersonalData;

public record PersonalDataResponse(String email, List<ContactRow> partnerContacts, List<IssueRow> issuesRaised) {
    static PersonalDataResponse from(PersonalData.Export export) {
        return new PersonalDataResponse(export.email(), export.partnerContacts(), export.issuesRaised());
    }
}
