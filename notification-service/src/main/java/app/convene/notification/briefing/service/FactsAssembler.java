package app.convene.notification.briefing.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import app.convene.notification.digest.domain.EventDigest;
import app.convene.notification.digest.domain.FailedInspectionItem;
import app.convene.notification.feedback.domain.Feedback;
import app.convene.notification.briefing.domain.BriefingFacts;

/**
 * Assembles a briefing's facts from the event's digest, its alerts, readiness issues, failed inspections and
 * feedback.
 */
@ApplicationScoped
public class FactsAssembler {
    @Inject
    EntityManager entityManager;
    @Inject
    Clock clock;

    @SuppressWarnings("unchecked")
    public BriefingFacts assemble(EventDigest d) {
        List<String> thresholdAlerts = entityManager.createNativeQuery(
                "select summary from alert where event_id = :e and kind = 'BUDGET_THRESHOLD_EXCEEDED' order by raised_at")
                .setParameter("e", d.eventId).getResultList();
        List<String> insurance = entityManager.createNativeQuery(
                "select summary from alert where event_id = :e and kind = 'INSURANCE_EXPIRING' order by raised_at")
                .setParameter("e", d.eventId).getResultList();
        List<String> issues = entityManager.createNativeQuery(
                "select reason from readiness_issue where event_id = :e order by first_seen, reason")
                .setParameter("e", d.eventId).getResultList();
        BigDecimal variance = d.forecastTotal != null && d.approvedTotal != null
                ? d.forecastTotal.subtract(d.approvedTotal) : null;
        BigDecimal costPerAttendee = d.actualTotal != null && d.actualTotal.signum() > 0 && d.checkedIn > 0
                ? d.actualTotal.divide(BigDecimal.valueOf(d.checkedIn), 2, RoundingMode.HALF_EVEN)
                : d.forecastCostPerAttendee;
        return new BriefingFacts(d.eventId, d.title, d.startsAt, d.endsAt, d.timeZone, d.eventStatus,
                new BriefingFacts.Attendance(d.capacity, d.confirmed, d.waitlisted, d.checkedIn, d.noShows,
                        d.cancellations, d.lateCancellations),
                new BriefingFacts.Budget(d.budgetStatus, d.currency, d.approvedTotal, d.forecastTotal,
                        d.estimateTotal, d.actualTotal, variance, costPerAttendee, thresholdAlerts),
                new BriefingFacts.Venue(d.venueReady, d.venueReadinessReason, d.venueName, d.roomName,
                        d.safeOccupancy, d.safetyAtRisk, d.expectedHeadcount, issues, insurance,
                        failedInspections(d)),
                feedback(d), clock.instant());
    }

    /** The failed items kept, grouped back into their inspections, oldest inspection first. */
    static List<BriefingFacts.FailedInspection> failedInspections(EventDigest d) {
        Map<UUID, List<FailedInspectionItem>> byInspection = new LinkedHashMap<>();
        for (FailedInspectionItem item : FailedInspectionItem.ofEvent(d.eventId)) {
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
        List<Feedback> all = Feedback.list("eventId = ?1 order by receivedAt desc", d.eventId);
        List<Feedback> staff = all.stream().filter(f -> f.source == Feedback.Source.STAFF).toList();
        List<Feedback> attendees = all.stream().filter(f -> f.source == Feedback.Source.ATTENDEE).toList();
        List<String> comments = all.stream().filter(f -> f.comment != null && !f.comment.isBlank()).limit(5)
                .map(f -> f.rating + "/5 " + f.comment).toList();
        return new BriefingFacts.FeedbackSummary(staff.size(), average(staff), attendees.size(), average(attendees),
                comments);
    }

    private static BigDecimal average(List<Feedback> feedback) {
        if (feedback.isEmpty()) {
            return null;
        }
        int sum = feedback.stream().mapToInt(f -> f.rating).sum();
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(feedback.size()), 1, RoundingMode.HALF_EVEN);
    }
}
