package app.convene.registration.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.domain.Registration;
import app.convene.registration.domain.RegistrationStatus;
import app.convene.registration.service.Registrations.Placement;

public record RegistrationResponse(@Schema(required = true) UUID id, @Schema(required = true) UUID eventId,
        @Schema(required = true) RegistrationStatus status,
        @Schema(description = "Place on the waiting list (1 = next to be promoted); only when WAITLISTED")
        Integer waitlistPosition, @Schema(required = true) AttendeeResponse attendee, UUID groupId,
                @Schema(required = true) Instant registeredAt,
        Instant promotedAt, Instant cancelledAt, boolean lateCancellation, Instant checkedInAt, boolean noShow,
        @Schema(description = "Chosen sessions: SEATED holds a seat, WAITING waits for promotion, DROPPED was "
                + "full at promotion, released, or the session was cancelled") List<Choice> sessions,
        @Schema(description = "Clashes of this attendee with other events (of the organisation, that you may "
                + "see) or sessions; the registration stands. Shown to organizers only") List<Conflict> warnings,
        @Schema(required = true, description = "What the attendee shows at the door (as a QR code holding these 32 "
                + "hexadecimal digits); POST /api/events/{eventId}/check-ins with it checks them in. A transferred "
                + "place, or one moved to another address, gets a new one") String ticketCode) {
    static RegistrationResponse from(Placement placement) {
        Registration r = placement.registration();
        return new RegistrationResponse(r.id, r.eventId, r.status, placement.waitlistPosition(),
                new AttendeeResponse(r.attendeeEmail, r.attendeeName, r.organisation, r.answers, r.language), r.groupId,
                r.registeredAt, r.promotedAt, r.cancelledAt, r.lateCancellation, r.checkedInAt, r.noShow,
                placement.sessions() == null ? null : placement.sessions().stream().map(Choice::from).toList(),
                placement.warnings() == null ? null : placement.warnings().stream().map(Conflict::from).toList(),
                r.ticketCode);
    }

    /** A registration on the roll: without its waiting-list position, sessions or clashes. */
    static RegistrationResponse from(Registration registration) {
        return from(new Placement(registration, null));
    }

    /** A registration on the roll with its place on the waiting list (null when it does not wait). */
    static RegistrationResponse from(Registration registration, Integer waitlistPosition) {
        return from(new Placement(registration, waitlistPosition));
    }
}
