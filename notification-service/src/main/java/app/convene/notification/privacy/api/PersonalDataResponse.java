package app.convene.notification.privacy.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.notification.privacy.persistence.PersonalDataRepository.AcknowledgementRow;
import app.convene.notification.privacy.persistence.PersonalDataRepository.BriefingRow;
import app.convene.notification.privacy.persistence.PersonalDataRepository.DeliveryRow;
import app.convene.notification.privacy.persistence.PersonalDataRepository.FeedbackRow;
import app.convene.notification.privacy.persistence.PersonalDataRepository.MessageRow;
import app.convene.notification.privacy.persistence.PersonalDataRepository.RecipientRow;
import app.convene.notification.privacy.persistence.PersonalDataRepository.RegistrationRow;
import app.convene.notification.privacy.service.PersonalData;

public record PersonalDataResponse(@Schema(required = true) String email,
        @Schema(required = true) List<RecipientRow> recipients, @Schema(required = true) List<DeliveryRow> deliveries,
        @Schema(required = true) List<AcknowledgementRow> acknowledgements,
        @Schema(required = true) List<FeedbackRow> feedback,
        @Schema(required = true) List<RegistrationRow> registrations,
        @Schema(required = true) List<BriefingRow> briefingsRequested,
        @Schema(required = true, description = "Messages to an event's attendees the person sent")
        List<MessageRow> attendeeMessagesSent) {
    static PersonalDataResponse from(PersonalData.Export e) {
        return new PersonalDataResponse(e.email(), e.recipients(), e.deliveries(), e.acknowledgements(),
                e.feedback(), e.registrations(), e.briefingsRequested(), e.attendeeMessagesSent());
    }
}
