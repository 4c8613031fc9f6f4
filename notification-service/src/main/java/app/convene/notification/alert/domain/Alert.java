package app.convene.notification.alert.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.convene.notification.briefing.domain.BriefingFacts;
import app.convene.notification.briefing.domain.ReaderFormat;

/**
 * An immediate alert: one record per kind, holding exactly the facts that kind reports. Each says which fact it is
 * ({@link #dedupeKey()}: the same fact announced again is alerted once) and writes its figures for a reader.
 */
public sealed interface Alert {
    AlertKind kind();

    /** Names the fact within the event's alerts of this kind: per crossing, booking and headcount, certificate, … */
    String dedupeKey();

    /** The alert's figures, language-neutral and formatted for the reader. */
    String detail(ReaderFormat format, String eventTitle);

    /** The inspection an INSPECTION_FAILED alert lists item by item; null for the other kinds. */
    default BriefingFacts.FailedInspection inspection() {
        return null;
    }

    /** Budget's forecast crossed a threshold of the approved budget (per threshold, revision and forecast). */
    record BudgetThresholdExceeded(String threshold, BigDecimal forecastTotal, BigDecimal limit, String currency,
            int revision) implements Alert {
        public AlertKind kind() {
            return AlertKind.BUDGET_THRESHOLD_EXCEEDED;
        }

        public String dedupeKey() {
            return threshold + ":" + revision + ":" + forecastTotal;
        }

        public String detail(ReaderFormat format, String eventTitle) {
            return threshold + ": " + format.money(forecastTotal, currency) + " > " + format.money(limit, currency);
        }
    }

    /** More people expected than the booked room may safely hold (per booking and expected headcount). */
    record SafetyAtRisk(UUID bookingId, int expectedHeadcount, int safeOccupancy) implements Alert {
        public AlertKind kind() {
            return AlertKind.SAFETY_AT_RISK;
        }

        public String dedupeKey() {
            return bookingId + ":" + expectedHeadcount;
        }

        public String detail(ReaderFormat format, String eventTitle) {
            return expectedHeadcount + " > " + safeOccupancy;
        }
    }

    /** An insurance certificate the event relies on is about to expire (per certificate and expiry). */
    record InsuranceExpiring(UUID certificateId, String insurer, String policyNumber, Instant validTo)
            implements Alert {
        public AlertKind kind() {
            return AlertKind.INSURANCE_EXPIRING;
        }

        public String dedupeKey() {
            return certificateId + ":" + validTo;
        }

        public String detail(ReaderFormat format, String eventTitle) {
            return insurer + " " + policyNumber + " — " + format.dateTime(validTo);
        }
    }

    /** The venue, ready before, is not ready any more (per reason). */
    record ReadinessLost(String reason) implements Alert {
        public AlertKind kind() {
            return AlertKind.READINESS_LOST;
        }

        public String dedupeKey() {
            return reason;
        }

        public String detail(ReaderFormat format, String eventTitle) {
            return reason;
        }
    }

    /** A venue inspection found items failed (per inspection). */
    record InspectionFailed(BriefingFacts.FailedInspection inspection) implements Alert {
        public AlertKind kind() {
            return AlertKind.INSPECTION_FAILED;
        }

        public String dedupeKey() {
            return inspection.inspectionId().toString();
        }

        /** E.g. "Fire safety (FIRE_SAFETY), Mar 2, 2027, 10:00 AM: Emergency exits clear (pallets at exit B); Signs". */
        public String detail(ReaderFormat format, String eventTitle) {
            return inspection.checklistName() + " (" + inspection.category() + "), "
                    + format.dateTime(inspection.inspectedAt()) + ": "
                    + String.join("; ", inspection.items().stream().map(item -> item.note() == null
                            ? item.description() : item.description() + " (" + item.note() + ")").toList());
        }
    }

    /** The event was cancelled (once). */
    record EventCancelled() implements Alert {
        public AlertKind kind() {
            return AlertKind.EVENT_CANCELLED;
        }

        public String dedupeKey() {
            return "cancelled";
        }

        public String detail(ReaderFormat format, String eventTitle) {
            return eventTitle == null ? "" : eventTitle;
        }
    }

    /** The event's go/no-go decision changed (per change: the decision and when it was made). */
    record GoNoGoChanged(String previousDecision, String decision, List<String> failingChecks, Instant asOf)
            implements Alert {
        public AlertKind kind() {
            return AlertKind.GO_NO_GO_CHANGED;
        }

        public String dedupeKey() {
            return decision + ":" + asOf;
        }

        /** E.g. "NO_GO → GO" or "GO → NO_GO: budget-approved, room-booked". */
        public String detail(ReaderFormat format, String eventTitle) {
            return previousDecision + " → " + decision
                    + (failingChecks.isEmpty() ? "" : ": " + String.join(", ", failingChecks));
        }
    }

    /** The decision due, the event is still NO_GO or AT_RISK: the leads are told once per event and decision. */
    record GoNoGoEscalated(String decision, List<String> failingChecks, Instant decisionDueAt) implements Alert {
        public AlertKind kind() {
            return AlertKind.GO_NO_GO_ESCALATED;
        }

        public String dedupeKey() {
            return decision;
        }

        public String detail(ReaderFormat format, String eventTitle) {
            return decision + " (" + format.dateTime(decisionDueAt) + ")"
                    + (failingChecks.isEmpty() ? "" : ": " + String.join(", ", failingChecks));
        }
    }
}
