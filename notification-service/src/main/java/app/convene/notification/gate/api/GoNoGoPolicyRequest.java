package app.convene.notification.gate.api;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record GoNoGoPolicyRequest(
        @Schema(description = "The checks that decide: seats, budget-approved, forecast-within-tolerance, "
                + "room-booked, safe-occupancy, checklists-complete, inspection-signed-off, "
                + "insurance-covers-headcount, briefing-acknowledged")
        @NotNull @Size(max = 20) List<@NotNull @Size(max = 40) String> requiredChecks,
        @Schema(description = "How long before the start the decision is due, e.g. PT48H")
        @NotNull Duration decisionDueBefore,
        @Schema(description = "Audiences of which at least one recipient must acknowledge the pre-event briefing: "
                + "ORGANIZERS, FACILITY, FINANCE, LEADS")
        @NotNull @Size(max = 4) List<@NotNull @Size(max = 20) String> acknowledgingAudiences) {
}
