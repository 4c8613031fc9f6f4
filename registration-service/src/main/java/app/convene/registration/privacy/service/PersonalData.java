package app.convene.registration.privacy.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.security.Caller;
import app.convene.registration.domain.Registration;
import app.convene.registration.privacy.persistence.PersonalDataRepository;
import app.convene.registration.privacy.persistence.PersonalDataRepository.SpeakerRow;

/** Everything registration-service holds about one e-mail address in the caller's organisation. */
@ApplicationScoped
public class PersonalData {
    @Inject
    Caller caller;
    @Inject
    PersonalDataRepository personalData;

    /** One registration as held, with the event's title. */
    public record HeldRegistration(UUID id, UUID eventId, String eventTitle, String email, String name,
            String organisation, String status, Instant registeredAt, Instant cancelledAt, Instant checkedInAt,
            boolean noShow, Map<String, Object> answers) {
    }

    /** Registrations and speaker entries of the address. */
    public record Export(String email, List<HeldRegistration> registrations, List<SpeakerRow> speakers) {
    }

    @Transactional
    public Export of(String email) {
        String organisation = caller.organisation();
        List<Registration> registrations = personalData.registrations(organisation, email);
        Map<UUID, String> titles = personalData.eventTitles(
                registrations.stream().map(r -> r.eventId).distinct().toList());
        return new Export(email, registrations.stream().map(r -> new HeldRegistration(r.id, r.eventId,
                titles.get(r.eventId), r.attendeeEmail, r.attendeeName, r.organisation, r.status.name(),
                r.registeredAt, r.cancelledAt, r.checkedInAt, r.noShow, r.answers)).toList(),
                personalData.speakers(organisation, email));
    }
}
