package app.convene.venue.privacy.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.venue.privacy.persistence.PersonalDataRepository.ContactRow;
import app.convene.venue.privacy.persistence.PersonalDataRepository.IssueRow;
import app.convene.venue.privacy.service.PersonalData;

public record PersonalDataResponse(@Schema(required = true) String email,
        @Schema(required = true) List<ContactRow> partnerContacts,
        @Schema(required = true) List<IssueRow> issuesRaised) {
    static PersonalDataResponse from(PersonalData.Export export) {
        return new PersonalDataResponse(export.email(), export.partnerContacts(), export.issuesRaised());
    }
}
