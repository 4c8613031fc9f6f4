package app.convene.notification.briefing.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.qute.TemplateData;

/**
 * What the post-event briefing adds to a briefing's facts: registrations against attendance, actual against estimate
 * per budget category, the outcome of each checklist's inspections, the feedback's rating distribution, the
 * corrective actions still open, and the headcount over time. {@code budget} is null for facility.
 */
@TemplateData
public record PostEventFacts(@Schema(required = true) Turnout turnout, BudgetActuals budget,
        @Schema(required = true) List<ChecklistOutcome> inspections,
        @Schema(required = true) FeedbackDistribution feedback, @Schema(required = true) List<OpenAction> openActions,
        @Schema(required = true) List<HeadcountPoint> headcountHistory) {

    /** The same facts without the budget: what facility reads. */
    public PostEventFacts withoutBudget() {
        return new PostEventFacts(turnout, null, inspections, feedback, openActions, headcountHistory);
    }

    /**
     * Registered (confirmed when the event ended) against present (checked in); no-shows are confirmed and never
     * checked in; late cancellations came after the cancellation deadline.
     */
    @TemplateData
    public record Turnout(Integer capacity, int confirmed, int waitlisted, int checkedIn, int noShows,
            int cancellations, int lateCancellations) {
    }

    /**
     * Actual against estimate, in total and per category; {@code costPerAttendeePresent} is the actual total per
     * checked-in attendee (null before anyone checked in or anything was spent).
     */
    @TemplateData
    public record BudgetActuals(String currency, BigDecimal estimateTotal, BigDecimal forecastTotal,
            BigDecimal actualTotal, BigDecimal actualMinusEstimate, BigDecimal costPerAttendeePresent,
            @Schema(required = true) List<CategoryActuals> categories) {
    }

    /** One budget category; {@code actualMinusEstimate} is positive when it cost more than estimated. */
    @TemplateData
    public record CategoryActuals(@Schema(required = true) String category,
            @Schema(required = true) BigDecimal estimate, @Schema(required = true) BigDecimal forecast,
            @Schema(required = true) BigDecimal committed, @Schema(required = true) BigDecimal actual,
            @Schema(required = true) BigDecimal actualMinusEstimate) {
    }

    /** A checklist's inspections: how many there were, and what the latest found. */
    @TemplateData
    public record ChecklistOutcome(@Schema(required = true) UUID checklistId,
            @Schema(required = true) String checklistName, @Schema(required = true) String category, int inspections,
            @Schema(required = true) Instant lastInspectedAt, int passed, int failed, int notApplicable) {

        public boolean allPassed() {
            return failed == 0;
        }
    }

    /** How many gave each rating: {@code ratings} holds the counts of 1 to 5, in that order. */
    @TemplateData
    public record FeedbackDistribution(int count, BigDecimal averageRating,
            @Schema(required = true) List<Integer> ratings, @Schema(required = true) List<String> comments) {
    }

    /** A corrective action venue has not announced closed; {@code actionId} is null for one announced without it. */
    @TemplateData
    public record OpenAction(UUID actionId, @Schema(required = true) String item,
            @Schema(required = true) String checklistName, @Schema(required = true) String owner, Instant dueAt) {
    }

    /** The headcount as announced at one moment (when notification heard it). */
    @TemplateData
    public record HeadcountPoint(@Schema(required = true) Instant at, int confirmed, int waitlisted) {
    }
}
