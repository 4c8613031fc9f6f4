package app.convene.registration.api;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.domain.EventStatus;
import app.convene.registration.domain.LateCancellationPolicy;
import app.convene.registration.service.EventCatalog.EventTerms;

public record CreateEventRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String description,
        @NotNull @Schema(description = "Not before 2000-01-01T00:00:00Z", examples = "2027-03-10T08:00:00Z")
        Instant startsAt,
        @NotNull @Schema(description = "After startsAt, at most 366 days after it, and not after "
                + "2200-01-01T00:00:00Z", examples = "2027-03-10T17:00:00Z") Instant endsAt,
        @NotBlank @Size(max = 64) @Schema(description = "IANA time zone", examples = "Europe/Stockholm")
        String timeZone,
        @NotNull @PositiveOrZero @Max(1_000_000) Integer capacity,
        @Schema(description = "Registration opens here; immediately when not set. Before registrationClosesAt (or "
                + "the start), not before 2000-01-01T00:00:00Z") Instant registrationOpensAt,
        @Schema(description = "Registration closes here; at the start when not set. Not after endsAt, not before "
                + "2000-01-01T00:00:00Z") Instant registrationClosesAt,
        @Schema(description = "Cancellations after this follow lateCancellationPolicy; the start when not set. Not "
                + "after endsAt, not before 2000-01-01T00:00:00Z") Instant cancellationDeadline,
        @Schema(description = "Default ACCEPT_LATE") LateCancellationPolicy lateCancellationPolicy,
        @Size(max = 100) String venueId,
        @Size(max = 100) String roomId,
        @Schema(description = "DRAFT to prepare without taking registrations; default PUBLISHED")
        EventStatus status,
        @Schema(description = "Seen only by its owner, co-organizers and delegates (finance: its budget); "
                + "default false") Boolean confidential,
        @Schema(description = "The language its attendees are written in unless they choose their own: en, sv, nl "
                + "or ro; default en",
                examples = "sv")
        @Pattern(regexp = "en|sv|nl|ro", message = "must be one of en, sv, nl, ro") String language,
        @Size(max = 100) @jakarta.validation.constraints.Pattern(regexp = ".*\\S.*", message = "must not be blank")
        @Schema(description = "The department it belongs to, for the corporate schedule by department",
                examples = "Finance") String department) {
    EventTerms toTerms() {
        return new EventTerms(title, description, startsAt, endsAt, timeZone, capacity, registrationOpensAt,
                registrationClosesAt, cancellationDeadline, lateCancellationPolicy, venueId, roomId, confidential,
                language, department);
    }
}
