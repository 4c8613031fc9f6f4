package app.convene.notification.privacy.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.NotificationEvents;
import app.convene.backbone.event.PrivacyEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.notification.privacy.persistence.PersonalDataRepository;

/**
 * notification-service's part of erasing a person ({@code privacy.person-erased.v1}), in the inbox's transaction:
 * recipients with the address are disabled and blanked, the deliveries to them lose address, subject and stored
 * bodies (a pending one is given up), their attempts' notes are cleared, feedback keeps its rating and comment but not
 * its author, the copy of their registrations and the briefings they asked for no longer name them; then
 * {@code notification.erasure-completed.v1} says so. Acknowledgements refer to the (now blank) recipient only.
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
        String organisation = erased.organisation();
        String hash = erased.emailSha256();
        List<UUID> recipients = personalData.anonymiseRecipients(organisation, hash);
        List<UUID> deliveries = personalData.anonymiseDeliveries(organisation, hash, recipients);
        int rows = recipients.size() + deliveries.size() + personalData.anonymiseAttempts(deliveries)
                + personalData.anonymiseFeedback(organisation, hash)
                + personalData.anonymiseRegistrations(organisation, hash,
                        erased.registrationIds() == null ? List.of() : erased.registrationIds())
                + personalData.anonymiseBriefingRequests(organisation, hash)
                + personalData.anonymiseMessageSenders(organisation, hash);
        outbox.append(NotificationEvents.ERASURE_COMPLETED, PrivacyEvents.AGGREGATE, erased.erasureId(),
                new PrivacyEvents.ErasureCompleted(erased.erasureId(), organisation, rows, clock.instant()));
    }

    /**
     * The organisation's retention policy anonymised an event's registrations
     * ({@code privacy.event-attendees-anonymised.v1}): the copy of them and the event's feedback authors follow.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void anonymiseEventAttendees(PrivacyEvents.EventAttendeesAnonymised anonymised) {
        personalData.anonymiseEventAttendees(anonymised.organisation(), anonymised.eventId());
    }
}
