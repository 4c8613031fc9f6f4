package app.convene.notification.briefing.service;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the post-event briefing and its charts, English by default; {@code messages/post_<lang>.properties}
 * hold the Swedish, Dutch and Romanian ones. Used in templates as {@code {post:key}}.
 */
@MessageBundle(value = "post", locale = "en")
public interface PostEventMessages {
    @Message("Registrations and attendance")
    String turnout();

    @Message("Registered (confirmed)")
    String registered();

    @Message("Present (checked in)")
    String present();

    @Message("Actual against estimate")
    String actuals();

    @Message("Category")
    String category_column();

    @Message("Actual − estimate")
    String actual_minus_estimate();

    @Message("Total")
    String total();

    @Message("Cost per attendee present")
    String cost_per_present();

    @Message("Inspections")
    String inspections();

    @Message("Checklist")
    String checklist();

    @Message("Inspected")
    String inspected_times();

    @Message("Latest")
    String latest();

    @Message("Passed")
    String passed();

    @Message("Failed")
    String failed();

    @Message("Not applicable")
    String not_applicable();

    @Message("Open action items")
    String open_actions();

    @Message("Rating distribution")
    String rating_distribution();

    @Message("{count} ratings, average {average}")
    String ratings_summary(int count, String average);

    @Message("Registrations and waiting list over time")
    String chart_headcount();

    @Message("Budget by category: estimate, forecast and actual")
    String chart_budget();

    @Message("Readiness checks")
    String chart_readiness();

    @Message("No data yet")
    String chart_no_data();

    @Message("Headcount history")
    String headcount_history();

    @Message("{#when status}{#is 'MET'}met{#is 'NOT_MET'}not met{#else}unknown{/when}")
    String check_status(String status);

    /**
     * A check of the traffic light or of the go/no-go gate; a name that is not one of these is shown as it came.
     */
    @Message("{#when name}{#is 'venue-ready'}Venue ready{#is 'safe-occupancy'}Within safe occupancy"
            + "{#is 'inspections-passed'}Latest inspections passed{#is 'actions-closed'}Corrective actions closed"
            + "{#is 'budget-within-approved'}Forecast within the approved budget"
            + "{#is 'seats'}Seats{#is 'budget-approved'}Budget approved"
            + "{#is 'forecast-within-tolerance'}Forecast within tolerance{#is 'room-booked'}Room booked"
            + "{#is 'checklists-complete'}Checklists complete"
            + "{#is 'inspection-signed-off'}Inspection signed off"
            + "{#is 'insurance-covers-headcount'}Insurance covers the headcount"
            + "{#is 'briefing-acknowledged'}Briefing acknowledged{#else}{name}{/when}")
    String check(String name);

    /** A budget category as budget-service names it (e.g. CATERING); an unknown one is shown as it came. */
    @Message("{#when category}{#is 'VENUE'}venue{#is 'CATERING'}catering{#is 'AV'}audio-visual{#is 'TRAVEL'}travel"
            + "{#is 'ACCOMMODATION'}accommodation{#is 'INSURANCE'}insurance{#is 'MARKETING'}marketing"
            + "{#is 'STAFF'}staff{#is 'OTHER'}other{#else}{category}{/when}")
    String budget_category(String category);

    @Message("Acknowledge the briefing")
    String ack_page_heading();

    @Message("Press the button to confirm that you have read the briefing.")
    String ack_page_text();

    @Message("Acknowledge")
    String ack_page_button();
}
