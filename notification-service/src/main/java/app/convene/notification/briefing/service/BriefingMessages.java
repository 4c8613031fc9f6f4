package app.convene.notification.briefing.service;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of briefings and alerts, English by default; {@code messages/msg_<lang>.properties} hold the Swedish,
 * Dutch and Romanian ones. Used in templates as {@code {msg:key}}.
 */
@MessageBundle(locale = "en")
public interface BriefingMessages {
    @Message("Pre-event briefing")
    String heading_pre();

    @Message("Post-event briefing")
    String heading_post();

    @Message("Reminder: please acknowledge this briefing")
    String reminder();

    @Message("When")
    String when();

    @Message("This event has been cancelled.")
    String cancelled_notice();

    @Message("Attendance")
    String attendance();

    @Message("Capacity")
    String capacity();

    @Message("Confirmed")
    String confirmed();

    @Message("Waitlisted")
    String waitlisted();

    @Message("Checked in")
    String checked_in();

    @Message("No-shows")
    String no_shows();

    @Message("Cancellations")
    String cancellations();

    @Message("Late cancellations")
    String late_cancellations();

    @Message("Budget")
    String budget();

    @Message("Status")
    String status();

    @Message("Approved")
    String approved();

    @Message("Forecast")
    String forecast();

    @Message("Estimated")
    String estimate();

    @Message("Actual")
    String actual();

    @Message("Variance against approved")
    String variance();

    @Message("Cost per attendee")
    String cost_per_attendee();

    @Message("Threshold alerts")
    String threshold_alerts();

    @Message("Venue")
    String venue();

    @Message("Ready")
    String venue_ready();

    @Message("Not ready")
    String venue_not_ready();

    @Message("Not assessed yet")
    String venue_unknown();

    @Message("Room")
    String room();

    @Message("Safe occupancy")
    String safe_occupancy();

    @Message("Safety at risk: more people expected than the room may safely hold")
    String safety_at_risk();

    @Message("Readiness issues met")
    String readiness_issues();

    @Message("Failed inspections")
    String failed_inspections();

    @Message("inspected by")
    String inspected_by();

    @Message("mandatory")
    String mandatory();

    @Message("corrective action")
    String corrective_action();

    @Message("due")
    String due();

    /** A checklist category as venue-service names it (e.g. FIRE_SAFETY); an unknown one is shown as it came. */
    @Message("{#when category}{#is 'MAINTENANCE'}maintenance{#is 'CLEANING'}cleaning{#is 'AV'}audio-visual"
            + "{#is 'CATERING_SETUP'}catering set-up{#is 'ACCESSIBILITY'}accessibility{#is 'FIRE_SAFETY'}fire safety"
            + "{#else}{category}{/when}")
    String category(String category);

    @Message("Insurance")
    String insurance();

    @Message("Feedback")
    String feedback();

    @Message("Staff")
    String staff_feedback();

    @Message("Attendees")
    String attendee_feedback();

    @Message("average rating")
    String average_rating();

    @Message("Comments")
    String comments();

    @Message("none")
    String none();

    @Message("Acknowledge that you have read this briefing")
    String acknowledge();

    @Message("Alert")
    String alert();

    @Message("Budget threshold exceeded")
    String alert_BUDGET_THRESHOLD_EXCEEDED();

    @Message("Safety at risk")
    String alert_SAFETY_AT_RISK();

    @Message("Insurance certificate expiring")
    String alert_INSURANCE_EXPIRING();

    @Message("Venue no longer ready")
    String alert_READINESS_LOST();

    @Message("Inspection failed")
    String alert_INSPECTION_FAILED();

    @Message("Event cancelled")
    String alert_EVENT_CANCELLED();

    @Message("Go/no-go decision changed")
    String alert_GO_NO_GO_CHANGED();

    @Message("Go/no-go decision due and the event is not ready")
    String alert_GO_NO_GO_ESCALATED();

    @Message("Go/no-go")
    String go_no_go();

    @Message("Decision due")
    String decision_due();

    @Message("Go")
    String go_no_go_GO();

    @Message("No go")
    String go_no_go_NO_GO();

    @Message("At risk")
    String go_no_go_AT_RISK();

    @Message("met")
    String check_MET();

    @Message("not met")
    String check_NOT_MET();

    @Message("unknown")
    String check_UNKNOWN();

    @Message("not required")
    String check_optional();

    @Message("since")
    String since();

    @Message("Agenda")
    String agenda();

    @Message("{minutes} min")
    String time_box(Integer minutes);

    @Message("for decision")
    String agenda_DECISION();

    @Message("for discussion")
    String agenda_DISCUSSION();

    @Message("for information")
    String agenda_INFORMATION();

    @Message("Open action items from earlier meetings")
    String carried_action_items();

    @Message("due {date}")
    String carried_due(Object date);
}
