package app.convene.notification.briefing.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.notification.briefing.service.EventBriefings;
import app.convene.notification.digest.domain.EventDigest;

public record EventBriefingsResponse(@Schema(required = true) UUID eventId, String title, Instant startsAt,
        Instant endsAt, String timeZone,
        @Schema(description = "DRAFT, PUBLISHED or CANCELLED as registration announced it") String eventStatus,
        Integer capacity, @Schema(required = true) Headcount headcount,
        @Schema(description = "Budget status as last announced; null until budget-service has announced one, "
                + "and for facility (who read briefings without the budget)")
        String budgetStatus,
        @Schema(description = "The budget's figures; null for facility") Budget budget,
        @Schema(description = "Venue readiness as last announced; null until venue-service has assessed it")
        Boolean venueReady, String venueReadinessReason, boolean safetyAtRisk,
        @Schema(required = true, description = "ISO-8601 durations before the start") List<String> preEventOffsets,
        @Schema(required = true) String postEventOffset, @Schema(required = true) List<BriefingSummary> briefings) {

    static EventBriefingsResponse from(EventBriefings found) {
        EventDigest d = found.digest();
        boolean budgetVisible = found.budgetVisible();
        return new EventBriefingsResponse(d.eventId, d.title, d.startsAt, d.endsAt, d.timeZone, d.eventStatus,
                d.capacity, new Headcount(d.confirmed, d.waitlisted, d.checkedIn, d.noShows),
                budgetVisible ? d.budgetStatus : null, budgetVisible
                        ? new Budget(d.budgetStatus, d.currency, d.approvedTotal, d.forecastTotal, d.actualTotal)
                        : null,
                d.venueReady, d.venueReadinessReason, d.safetyAtRisk,
                found.preEventOffsets().stream().map(Duration::toString).toList(),
                found.postEventOffset().toString(),
                found.briefings().stream().map(BriefingSummary::from).toList());
    }
}
