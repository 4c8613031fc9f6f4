package app.convene.registration.api;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.domain.EventStatus;

/** Where and what the copy of an event is. */
public record CopyEventRequest(
        @NotNull @Schema(description = "The copy's start; its end, registration window, cancellation deadline and "
                + "sessions move by the same time", examples = "2028-03-08T08:00:00Z") Instant startsAt,
        @Size(min = 1, max = 200) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank")
        @Schema(description = "The copy's title; the event's when not given", examples = "Nordic Partner Summit 2028")
        String title,
        @Schema(description = "DRAFT (the default: prepare it before it takes registrations) or PUBLISHED")
        EventStatus status) {
}
