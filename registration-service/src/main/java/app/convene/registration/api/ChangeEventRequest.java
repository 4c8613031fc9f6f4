package app.convene.registration.api;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.domain.LateCancellationPolicy;
import app.convene.registration.service.EventCatalog.EventTerms;

/**
 * Only the fields present change; description, registrationOpensAt, registrationClosesAt, cancellationDeadline and
 * department sent as null are cleared ({@code EventCatalog.CLEARABLE}), the others sent as null keep their value.
 */
public record ChangeEventRequest(
        @Size(min = 1, max = 200) String title,
        @Size(max = 4000) @Schema(description = "null clears it") String description,
        @Schema(description = "Not before 2000-01-01T00:00:00Z") Instant startsAt,
        @Schema(description = "After startsAt, at most 366 days after it, and not after 2200-01-01T00:00:00Z")
        Instant endsAt,
        @Size(min = 1, max = 64) @Schema(description = "IANA time zone, such as Europe/Stockholm (a fixed offset such "
                + "as +01:00 is refused; one stored before that rule is kept while a change does not name another)",
                examples = "Europe/Stockholm") String timeZone,
        @PositiveOrZero @Max(1_000_000) Integer capacity,
        @Schema(description = "Before registrationClosesAt (or the start), not before 2000-01-01T00:00:00Z; null "
                + "clears it (registration open from now)") Instant registrationOpensAt,
        @Schema(description = "Not after endsAt, not before 2000-01-01T00:00:00Z; null clears it (registration "
                + "closes at the start)") Instant registrationClosesAt,
        @Schema(description = "Not after endsAt, not before 2000-01-01T00:00:00Z; null clears it (cancellations "
                + "are on time until the start)") Instant cancellationDeadline,
        LateCancellationPolicy lateCancellationPolicy,
        @Size(max = 100) String venueId,
        @Size(max = 100) String roomId,
        @Schema(description = "Seen only by its owner, co-organizers and delegates (finance: its budget)")
        Boolean confidential,
        @Schema(description = "The language its attendees are written in unless they choose their own: en, sv, nl "
                + "or ro",
                examples = "sv")
        @Pattern(regexp = "en|sv|nl|ro", message = "must be one of en, sv, nl, ro") String language,
        @Size(max = 100) @jakarta.validation.constraints.Pattern(regexp = ".*\\S.*", message = "must not be blank")
        @Schema(description = "The department it belongs to, for the corporate schedule by department; null clears "
                + "it",
                examples = "Finance") String department) {
    EventTerms toTerms() {
        return new EventTerms(title, description, startsAt, endsAt, timeZone, capacity, registrationOpensAt,
                registrationClosesAt, cancellationDeadline, lateCancellationPolicy, venueId, roomId, confidential,
                language, department);
    }
}
