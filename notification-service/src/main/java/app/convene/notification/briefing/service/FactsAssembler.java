package app.convene.notification.briefing.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.convene.backbone.money.Money;
import app.convene.notification.alert.domain.AlertKind;
import app.convene.notification.alert.persistence.AlertRepository;
import app.convene.notification.briefing.domain.BriefingFacts;
import app.convene.notification.digest.domain.EventDigest;
import app.convene.notification.digest.domain.FailedInspectionItem;
import app.convene.notification.digest.persistence.FailedInspectionRepository;
import app.convene.notification.digest.persistence.ReadinessIssueRepository;
import app.convene.notification.feedback.domain.Feedback;
import app.convene.notification.feedback.domain.FeedbackTally;
import app.convene.notification.feedback.persistence.FeedbackRepository;
import app.convene.notification.gate.domain.GoNoGo;
import app.convene.notification.gate.service.Gate;
import app.convene.notification.meeting.service.MeetingAgendas;

/**
 * Assembles a briefing's facts from the event's digest, its alerts, readiness issues, failed inspections and
 * feedback.
 */
@ApplicationScoped
public class FactsAssembler {
    /** How many of the newest comments a briefing quotes. */
    private static final int RECENT_COMMENTS = 5;

    @Inject
    AlertRepository alerts;
    @Inject
    ReadinessIssueRepository readinessIssues;
    @Inject
    FailedInspectionRepository failedInspections;
    @Inject
    FeedbackRepository feedback;
    @Inject
    Clock clock;
    @Inject
    Gate gate;
    @Inject
    MeetingAgendas agendas;

    public BriefingFacts assemble(EventDigest d) {
        List<String> thresholdAlerts = alerts.summaries(d.eventId, AlertKind.BUDGET_THRESHOLD_EXCEEDED);
        List<String> insurance = alerts.summaries(d.eventId, AlertKind.INSURANCE_EXPIRING);
        List<String> issues = readinessIssues.reasons(d.eventId);
        BigDecimal variance = d.forecastTotal != null && d.approvedTotal != null
                ? d.forecastTotal.subtract(d.approvedTotal) : null;
        BigDecimal costPerAttendee = d.actualTotal != null && d.actualTotal.signum() > 0 && d.checkedIn > 0
                ? perAttendee(d.actualTotal, d.checkedIn, d.currency)
                : d.forecastCostPerAttendee;
        return new BriefingFacts(d.eventId, d.title, d.startsAt, d.endsAt, d.timeZone, d.eventStatus,
                new BriefingFacts.Attendance(d.capacity, d.confirmed, d.waitlisted, d.checkedIn, d.noShows,
                        d.cancellations, d.lateCancellations),
                new BriefingFacts.Budget(d.budgetStatus, d.currency, d.approvedTotal, d.forecastTotal,
                        d.estimateTotal, d.actualTotal, variance, costPerAttendee, thresholdAlerts),
                new BriefingFacts.Venue(d.venueReady, d.venueReadinessReason, d.venueName, d.roomName,
                        d.safeOccupancy, d.safetyAtRisk, d.expectedHeadcount, issues, insurance,
                        failedInspections(d)),
                feedback(d), clock.instant(), goNoGo(gate.forBriefing(d)), agendas.forBriefing(d.eventId));
    }

    private static BriefingFacts.GoNoGo goNoGo(GoNoGo gate) {
        return new BriefingFacts.GoNoGo(gate.decision().name(), gate.asOf(), gate.decisionDueAt(), gate.checks()
                .stream().map(c -> new BriefingFacts.GoNoGoCheck(c.check().checkName, c.check().source,
                        c.status().name(), c.required(), c.reason(), c.since()))
                .toList());
    }

    /** The actual total per checked-in attendee, rounded to the currency (to cents when it is not known). */
    private static BigDecimal perAttendee(BigDecimal actualTotal, int checkedIn, String currencyCode) {
        Currency currency = Money.currencyOrNull(currencyCode);
        return currency == null ? actualTotal.divide(BigDecimal.valueOf(checkedIn), 2, RoundingMode.HALF_EVEN)
                : Money.per(actualTotal, BigDecimal.valueOf(checkedIn), currency);
    }

    /** The failed items kept, grouped back into their inspections, oldest inspection first. */
    private List<BriefingFacts.FailedInspection> failedInspections(EventDigest d) {
        Map<UUID, List<FailedInspectionItem>> byInspection = new LinkedHashMap<>();
        for (FailedInspectionItem item : failedInspections.ofEvent(d.eventId)) {
            byInspection.computeIfAbsent(item.inspectionId, id -> new ArrayList<>()).add(item);
        }
        return byInspection.values().stream().map(items -> {
            FailedInspectionItem first = items.get(0);
            return new BriefingFacts.FailedInspection(first.inspectionId, first.checklistName, first.category,
                    first.inspector, first.inspectedAt, items.stream().map(i -> new BriefingFacts.FailedItem(
                            i.description, i.mandatory, i.note, i.actionOwner, i.actionDueAt)).toList());
        }).toList();
    }

    private BriefingFacts.FeedbackSummary feedback(EventDigest d) {
        FeedbackTally tally = feedback.tally(d.eventId);
        List<String> comments = feedback.newestCommented(d.eventId, RECENT_COMMENTS).stream()
                .map(f -> f.rating + "/5 " + f.comment).toList();
        return new BriefingFacts.FeedbackSummary(tally.entries(Feedback.Source.STAFF),
                tally.average(Feedback.Source.STAFF), tally.entries(Feedback.Source.ATTENDEE),
                tally.average(Feedback.Source.ATTENDEE), comments);
    }
}
