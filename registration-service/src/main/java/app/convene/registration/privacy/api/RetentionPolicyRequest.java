package app.convene.registration.privacy.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "How long the organisation keeps the people who registered for its events")
public record RetentionPolicyRequest(
        @Schema(description = "Months after an event's end at which its registrations are anonymised",
                minimum = "1", maximum = "120", examples = "24")
        @NotNull @Min(1) @Max(120) Integer anonymiseRegistrationsAfterMonths) {
}
