package app.convene.notification.briefing.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.qute.TemplateData;

/**
 * What the post-event briefing adds to a briefing's facts: registrations against attendance, actual against estimate
 * per budget category, the outcome of each checklist's inspections, the feedback's rating distribution, the
 * corrective actions still open, and the headcount over time. {@code budget} is null for facility.
 */
@TemplateData
public record PostEventFacts(Turnout turnout, BudgetActuals budget, List<ChecklistOutcome> inspections,
        FeedbackDistribution feedback, List<OpenAction> openActions, List<HeadcountPoint> headcountHistory) {

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
            List<CategoryActuals> categories) {
    }

    /** One budget category; {@code actualMinusEstimate} is positive when it cost more than estimated. */
    @TemplateData
    public record CategoryActuals(String category, BigDecimal estimate, BigDecimal forecast, BigDecimal committed,
            BigDecimal actual, BigDecimal actualMinusEstimate) {
    }

    /** A checklist's inspections: how many there were, and what the latest found. */
    @TemplateData
    public record ChecklistOutcome(UUID checklistId, String checklistName, String category, int inspections,
            Instant lastInspectedAt, int passed, int failed, int notApplicable) {

        public boolean allPassed() {
            return failed == 0;
        }
    }

    /** How many gave each rating: {@code ratings} holds the counts of 1 to 5, in that order. */
    @TemplateData
    public record FeedbackDistribution(int count, BigDecimal averageRating, List<Integer> ratings,
            List<String> comments) {
    }

    /** A corrective action venue has not announced closed; {@code actionId} is null for one announced without it. */
    @TemplateData
    public record OpenAction(UUID actionId, String item, String checklistName, String owner, Instant dueAt) {
    }

    /** The headcount as announced at one moment (when notification heard it). */
    @TemplateData
    public record HeadcountPoint(Instant at, int confirmed, int waitlisted) {
    }
}
