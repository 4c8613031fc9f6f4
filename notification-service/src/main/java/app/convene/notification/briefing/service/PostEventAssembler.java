package app.convene.notification.briefing.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.convene.backbone.money.Money;
import app.convene.notification.briefing.domain.BriefingFacts;
import app.convene.notification.briefing.domain.PostEventFacts;
import app.convene.notification.briefing.domain.ReadinessCheck;
import app.convene.notification.digest.persistence.PostEventRepository;
import app.convene.notification.feedback.domain.FeedbackTally;
import app.convene.notification.feedback.persistence.FeedbackRepository;

/** Assembles what the post-event briefing says beyond the briefing's facts. */
@ApplicationScoped
public class PostEventAssembler {
    /** How many of the newest comments the post-event briefing quotes. */
    static final int COMMENTS = 20;

    @Inject
    PostEventRepository postEvent;
    @Inject
    FeedbackRepository feedback;

    /** The post-event facts for {@code facts}; without the budget when {@code facts} has none (facility). */
    public PostEventFacts assemble(BriefingFacts facts) {
        BriefingFacts.Attendance a = facts.attendance();
        PostEventFacts.Turnout turnout = new PostEventFacts.Turnout(a.capacity(), a.confirmed(), a.waitlisted(),
                a.checkedIn(), a.noShows(), a.cancellations(), a.lateCancellations());
        return new PostEventFacts(turnout, facts.budget() == null ? null : budget(facts),
                postEvent.inspections(facts.eventId()), distribution(facts), postEvent.openActions(facts.eventId()),
                postEvent.headcountHistory(facts.eventId()));
    }

    /**
     * The checks the traffic light shows: the go/no-go gate's when the briefing has them, with whether inspections
     * passed and actions are closed; otherwise what the briefing knows: the venue's readiness and safety, the inspections, the corrective actions and (for those who
     * see it) the budget against its approval.
     */
    public static List<ReadinessCheck> checks(BriefingFacts facts, PostEventFacts post) {
        if (facts.goNoGo() != null && !facts.goNoGo().checks().isEmpty()) {
            List<ReadinessCheck> checks = new ArrayList<>(gateChecks(facts.goNoGo()));
            checks.addAll(inspectionChecks(post));
            return checks;
        }
        List<ReadinessCheck> checks = new ArrayList<>();
        BriefingFacts.Venue venue = facts.venue();
        checks.add(new ReadinessCheck("venue-ready", venue.ready() == null ? ReadinessCheck.Status.UNKNOWN
                : venue.ready() ? ReadinessCheck.Status.MET : ReadinessCheck.Status.NOT_MET));
        checks.add(new ReadinessCheck("safe-occupancy", venue.safetyAtRisk() ? ReadinessCheck.Status.NOT_MET
                : venue.safeOccupancy() == null ? ReadinessCheck.Status.UNKNOWN : ReadinessCheck.Status.MET));
        checks.addAll(inspectionChecks(post));
        BriefingFacts.Budget budget = facts.budget();
        if (budget != null) {
            checks.add(new ReadinessCheck("budget-within-approved",
                    budget.forecastTotal() == null || budget.approvedTotal() == null ? ReadinessCheck.Status.UNKNOWN
                            : budget.forecastTotal().compareTo(budget.approvedTotal()) <= 0
                                    ? ReadinessCheck.Status.MET : ReadinessCheck.Status.NOT_MET));
        }
        return checks;
    }

    /** Whether every inspection passed and every corrective action is closed: what the gate does not ask. */
    private static List<ReadinessCheck> inspectionChecks(PostEventFacts post) {
        return List.of(new ReadinessCheck("inspections-passed", post.inspections().isEmpty()
                        ? ReadinessCheck.Status.UNKNOWN
                        : post.inspections().stream().allMatch(PostEventFacts.ChecklistOutcome::allPassed)
                                ? ReadinessCheck.Status.MET : ReadinessCheck.Status.NOT_MET),
                new ReadinessCheck("actions-closed", post.openActions().isEmpty() ? ReadinessCheck.Status.MET
                        : ReadinessCheck.Status.NOT_MET));
    }

    /** The go/no-go gate's checks as lights, in the gate's order: what the decision is made of. */
    static List<ReadinessCheck> gateChecks(BriefingFacts.GoNoGo gate) {
        return gate.checks().stream().map(c -> new ReadinessCheck(c.name(), lightOf(c.status()))).toList();
    }

    private static ReadinessCheck.Status lightOf(String status) {
        try {
            return ReadinessCheck.Status.valueOf(status);
        } catch (IllegalArgumentException | NullPointerException e) {
            return ReadinessCheck.Status.UNKNOWN;
        }
    }

    private PostEventFacts.BudgetActuals budget(BriefingFacts facts) {
        BriefingFacts.Budget b = facts.budget();
        int present = facts.attendance().checkedIn();
        BigDecimal perPresent = b.actualTotal() != null && present > 0 ? perAttendee(b.actualTotal(), present,
                b.currency()) : null;
        BigDecimal difference = b.actualTotal() != null && b.estimateTotal() != null
                ? b.actualTotal().subtract(b.estimateTotal()) : null;
        return new PostEventFacts.BudgetActuals(b.currency(), b.estimateTotal(), b.forecastTotal(), b.actualTotal(),
                difference, perPresent, postEvent.categories(facts.eventId()));
    }

    /** The actual total per attendee present, rounded to the currency (to cents when it is not known). */
    private static BigDecimal perAttendee(BigDecimal actualTotal, int present, String currencyCode) {
        Currency currency = Money.currencyOrNull(currencyCode);
        return currency == null ? actualTotal.divide(BigDecimal.valueOf(present), 2, RoundingMode.HALF_EVEN)
                : Money.per(actualTotal, BigDecimal.valueOf(present), currency);
    }

    private PostEventFacts.FeedbackDistribution distribution(BriefingFacts facts) {
        FeedbackTally tally = feedback.tally(facts.eventId());
        List<String> comments = feedback.newestCommented(facts.eventId(), COMMENTS).stream()
                .map(f -> f.rating + "/5 " + f.comment).toList();
        return new PostEventFacts.FeedbackDistribution(tally.rated(), tally.averageRated(), tally.byRating(),
                comments);
    }
}
