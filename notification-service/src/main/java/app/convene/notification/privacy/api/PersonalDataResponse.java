package app.convene.notification.privacy.api;

import java.util.List;

import app.convene.notification.privacy.persistence.PersonalDataRepository.AcknowledgementRow;
import app.convene.notification.privacy.persistence.PersonalDataRepository.BriefingRow;
import app.convene.notification.privacy.persistence.PersonalDataRepository.DeliveryRow;
import app.convene.notification.privacy.persistence.PersonalDataRepository.FeedbackRow;
import app.convene.notification.privacy.persistence.PersonalDataRepository.RecipientRow;
import app.convene.notification.privacy.persistence.PersonalDataRepository.RegistrationRow;
import app.convene.notification.privacy.service.PersonalData;

public record PersonalDataResponse(String email, List<RecipientRow> recipients, List<DeliveryRow> deliveries,
        List<AcknowledgementRow> acknowledgements, List<FeedbackRow> feedback, List<RegistrationRow> registrations,
        List<BriefingRow> briefingsRequested) {
    static PersonalDataResponse from(PersonalData.Export e) {
        return new PersonalDataResponse(e.email(), e.recipients(), e.deliveries(), e.acknowledgements(),
                e.feedback(), e.registrations(), e.briefingsRequested());
    }
}
