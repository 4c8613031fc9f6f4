package app.convene.notification.privacy.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.security.Caller;
import app.convene.notification.privacy.persistence.PersonalDataRepository;
import app.convene.notification.privacy.persistence.PersonalDataRepository.AcknowledgementRow;
import app.convene.notification.privacy.persistence.PersonalDataRepository.BriefingRow;
import app.convene.notification.privacy.persistence.PersonalDataRepository.DeliveryRow;
import app.convene.notification.privacy.persistence.PersonalDataRepository.FeedbackRow;
import app.convene.notification.privacy.persistence.PersonalDataRepository.RecipientRow;
import app.convene.notification.privacy.persistence.PersonalDataRepository.RegistrationRow;

/** Everything notification-service holds about one e-mail address in the caller's organisation. */
@ApplicationScoped
public class PersonalData {
    @Inject
    Caller caller;
    @Inject
    PersonalDataRepository personalData;

    public record Export(String email, List<RecipientRow> recipients, List<DeliveryRow> deliveries,
            List<AcknowledgementRow> acknowledgements, List<FeedbackRow> feedback,
            List<RegistrationRow> registrations, List<BriefingRow> briefingsRequested,
            List<PersonalDataRepository.MessageRow> attendeeMessagesSent) {
    }

    @Transactional
    public Export of(String email) {
        String organisation = caller.organisation();
        return new Export(email, personalData.recipients(organisation, email),
                personalData.deliveries(organisation, email), personalData.acknowledgements(organisation, email),
                personalData.feedback(organisation, email), personalData.registrations(organisation, email),
                personalData.briefingsRequested(organisation, email),
                personalData.messagesSent(organisation, email));
    }
}
