package app.convene.notification.briefing.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.notification.delivery.domain.Audience;
import io.quarkus.qute.TemplateData;

/**
 * What a briefing says: the facts every service announced about the event, as of when it is assembled.
 * {@code budget} is null in what facility reads and receives (see {@link #withoutBudget()}); so are the reasons of
 * the go/no-go gate's budget checks, which quote figures.
 */
@TemplateData
public record BriefingFacts(@Schema(required = true) UUID eventId, String title, Instant startsAt, Instant endsAt,
        String timeZone, String eventStatus, @Schema(required = true) Attendance attendance, Budget budget,
        @Schema(required = true) Venue venue, @Schema(required = true) FeedbackSummary feedback,
        @Schema(required = true) Instant assembledAt, @Schema(required = true) GoNoGo goNoGo, Agenda agenda) {

    /** What a recipient in {@code audience} is sent: the facility audience gets no budget figures. */
    public BriefingFacts forAudience(Audience audience) {
        return audience == Audience.FACILITY ? withoutBudget() : this;
    }

    /** The same facts with the budget left out: what facility reads and is sent. */
    public BriefingFacts withoutBudget() {
        return new BriefingFacts(eventId, title, startsAt, endsAt, timeZone, eventStatus, attendance, null, venue,
                feedback, assembledAt, goNoGo == null ? null : goNoGo.withoutBudgetFigures(), agenda);
    }

    @TemplateData
    public record Attendance(Integer capacity, int confirmed, int waitlisted, int checkedIn, int noShows,
            int cancellations, int lateCancellations) {
    }

    /**
     * {@code variance} is forecast minus approved (positive: over budget); {@code costPerAttendee} is the actual
     * total per checked-in attendee once there is one, otherwise budget-service's forecast per attendee.
     */
    @TemplateData
    public record Budget(String status, String currency, BigDecimal approvedTotal, BigDecimal forecastTotal,
            BigDecimal estimateTotal, BigDecimal actualTotal, BigDecimal variance, BigDecimal costPerAttendee,
            @Schema(required = true) List<String> thresholdAlerts) {
    }

    @TemplateData
    public record Venue(Boolean ready, String readinessReason, String venueName, String roomName,
            Integer safeOccupancy, boolean safetyAtRisk, Integer expectedHeadcount,
            @Schema(required = true) List<String> issuesMet, @Schema(required = true) List<String> insuranceWarnings,
            @Schema(required = true) List<FailedInspection> failedInspections) {
    }

    /** An inspection that found items failed; {@code category} is the checklist's, e.g. FIRE_SAFETY. */
    @TemplateData
    public record FailedInspection(@Schema(required = true) UUID inspectionId,
            @Schema(required = true) String checklistName, @Schema(required = true) String category,
            String inspector, @Schema(required = true) Instant inspectedAt,
            @Schema(required = true) List<FailedItem> items) {
    }

    /**
     * A failed item; the action's owner and due date are null when venue named no action. {@code mandatory} is marked
     * required here: the schema's name is shared with {@code VenueEvents.FailedItem}, so the build-stage filter that
     * requires primitives does not find this record by it.
     */
    @TemplateData
    public record FailedItem(@Schema(required = true) String description,
            @Schema(required = true) boolean mandatory, String note,
            String actionOwner, Instant actionDueAt) {
    }

    @TemplateData
    public record FeedbackSummary(int staffCount, BigDecimal staffAverageRating, int attendeeCount,
            BigDecimal attendeeAverageRating, @Schema(required = true) List<String> recentComments) {
    }

    /** The event's go/no-go gate as the briefing is assembled: the decision, when it is due, and every check. */
    @TemplateData
    public record GoNoGo(@Schema(required = true) String decision, @Schema(required = true) Instant asOf,
            Instant decisionDueAt, @Schema(required = true) List<GoNoGoCheck> checks) {

        /** The same gate with the budget checks' reasons left out (they quote the budget's figures). */
        public GoNoGo withoutBudgetFigures() {
            return new GoNoGo(decision, asOf, decisionDueAt, checks.stream()
                    .map(c -> "budget".equals(c.source()) ? new GoNoGoCheck(c.name(), c.source(), c.status(),
                            c.required(), null, c.since()) : c)
                    .toList());
        }
    }

    /** One check of the gate: {@code status} MET, NOT_MET or UNKNOWN; {@code since} when it last changed. */
    @TemplateData
    public record GoNoGoCheck(@Schema(required = true) String name, @Schema(required = true) String source,
            @Schema(required = true) String status, boolean required, String reason, Instant since) {
    }

    /** A meeting's published agenda, and the open action items of earlier meetings carried into it. */
    @TemplateData
    public record Agenda(int version, @Schema(required = true) List<AgendaLine> items,
            @Schema(required = true) List<CarriedAction> carriedActionItems) {
    }

    /** One agenda item; {@code kind} INFORMATION, DISCUSSION or DECISION. */
    @TemplateData
    public record AgendaLine(int position, String title, String presenter, Integer timeBoxMinutes, String kind) {
    }

    /** An open action item of an earlier meeting, overdue by this one. */
    @TemplateData
    public record CarriedAction(String title, String owner, java.time.LocalDate dueDate) {
    }
}
