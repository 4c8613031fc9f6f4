package app.convene.registration.privacy.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.backbone.security.Caller;
import app.convene.registration.domain.Registration;
import app.convene.registration.privacy.persistence.PersonalDataRepository;
import app.convene.registration.privacy.persistence.PersonalDataRepository.SpeakerRow;
import app.convene.registration.travel.domain.TravelArrangement;
import app.convene.registration.travel.persistence.TravelRepository;

/** Everything registration-service holds about one e-mail address in the caller's organisation. */
@ApplicationScoped
public class PersonalData {
    @Inject
    Caller caller;
    @Inject
    PersonalDataRepository personalData;
    @Inject
    TravelRepository travel;

    /** One registration as held, with the event's title and its travel arrangement (null when none). */
    public record HeldRegistration(@Schema(required = true) UUID id, @Schema(required = true) UUID eventId,
            @Schema(required = true) String eventTitle, @Schema(required = true) String email,
            @Schema(required = true) String name,
            String organisation, @Schema(required = true) String status, @Schema(required = true) Instant registeredAt,
                    Instant cancelledAt, Instant checkedInAt,
            boolean noShow, Map<String, Object> answers, HeldTravel travel) {
    }

    /** A registration's travel and accommodation as held. */
    public record HeldTravel(Instant arrivalAt, Instant departureAt, String travelMode, LocalDate hotelCheckIn,
            LocalDate hotelCheckOut, String accessibilityNeeds, @Schema(required = true) List<String> dietaryNeeds,
                    String dietaryNote) {
        static HeldTravel of(TravelArrangement t) {
            return t == null ? null : new HeldTravel(t.arrivalAt, t.departureAt,
                    t.travelMode == null ? null : t.travelMode.name(), t.hotelCheckIn, t.hotelCheckOut,
                    t.accessibilityNeeds, t.dietaryNeeds.stream().map(Enum::name).toList(), t.dietaryNote);
        }
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
                r.registeredAt, r.cancelledAt, r.checkedInAt, r.noShow, r.answers,
                HeldTravel.of(travel.find(r.id).orElse(null)))).toList(),
                personalData.speakers(organisation, email));
    }
}
