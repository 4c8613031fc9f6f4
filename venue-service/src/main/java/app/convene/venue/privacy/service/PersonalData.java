package app.convene.venue.privacy.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.security.Caller;
import app.convene.venue.privacy.persistence.PersonalDataRepository;
import app.convene.venue.privacy.persistence.PersonalDataRepository.ContactRow;
import app.convene.venue.privacy.persistence.PersonalDataRepository.IssueRow;

/** Everything venue-service holds about one e-mail address in the caller's organisation. */
@ApplicationScoped
public class PersonalData {
    @Inject
    Caller caller;
    @Inject
    PersonalDataRepository personalData;

    /** The address's partner-contact entries and the issues raised under them. */
    public record Export(String email, List<ContactRow> partnerContacts, List<IssueRow> issuesRaised) {
    }

    @Transactional
    public Export of(String email) {
        List<ContactRow> contacts = personalData.contacts(caller.organisation(), email);
        List<UUID> ids = contacts.stream().map(ContactRow::id).toList();
        return new Export(email, contacts, personalData.issuesRaisedBy(ids));
    }
}
