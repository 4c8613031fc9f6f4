package app.convene.notification.gate.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The gate's checks, by their stable names, with the service each fact comes from and, for venue's, the name venue
 * gives the check in its readiness assessment.
 */
public enum GateCheck {
    SEATS("seats", "registration", null),
    BUDGET_APPROVED("budget-approved", "budget", null),
    FORECAST_WITHIN_TOLERANCE("forecast-within-tolerance", "budget", null),
    ROOM_BOOKED("room-booked", "venue", "room booked"),
    SAFE_OCCUPANCY("safe-occupancy", "venue", "headcount within safe occupancy"),
    CHECKLISTS_COMPLETE("checklists-complete", "venue", "checklists complete"),
    INSPECTION_SIGNED_OFF("inspection-signed-off", "venue", "inspection signed off"),
    INSURANCE_COVERS_HEADCOUNT("insurance-covers-headcount", "venue", "insurance covered"),
    BRIEFING_ACKNOWLEDGED("briefing-acknowledged", "notification", null);

    public final String checkName;
    public final String source;
    /** The check's name in venue.readiness-assessed.v1; null for the checks other services' facts decide. */
    public final String venueName;

    GateCheck(String checkName, String source, String venueName) {
        this.checkName = checkName;
        this.source = source;
        this.venueName = venueName;
    }

    public static Optional<GateCheck> named(String name) {
        return Arrays.stream(values()).filter(c -> c.checkName.equals(name)).findFirst();
    }

    public static java.util.List<String> namesOf() {
        return Arrays.stream(values()).map(c -> c.checkName).toList();
    }

    public static Optional<GateCheck> ofVenue(String venueName) {
        return Arrays.stream(values()).filter(c -> venueName != null && venueName.equals(c.venueName)).findFirst();
    }
}
