package app.convene.venue.privacy.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.PrivacyEvents;
import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.venue.privacy.persistence.PersonalDataRepository;

/**
 * venue-service's part of erasing a person ({@code privacy.person-erased.v1}): its partner contacts with the address
 * in the erased organisation, and the issues they raised, are anonymised, and {@code venue.erasure-completed.v1}
 * says so, in the inbox's transaction.
 */
@ApplicationScoped
public class Erasures {
    @Inject
    Clock clock;
    @Inject
    Outbox outbox;
    @Inject
    PersonalDataRepository personalData;

    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(PrivacyEvents.PersonErased erased) {
        List<UUID> contacts = personalData.anonymiseContacts(erased.organisation(), erased.emailSha256());
        int issues = personalData.anonymiseIssuesRaisedBy(contacts);
        outbox.append(VenueEvents.ERASURE_COMPLETED, PrivacyEvents.AGGREGATE, erased.erasureId(),
                new PrivacyEvents.ErasureCompleted(erased.erasureId(), erased.organisation(),
                        contacts.size() + issues, clock.instant()));
    }
}
