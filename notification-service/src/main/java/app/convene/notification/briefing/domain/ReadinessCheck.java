package app.convene.notification.briefing.domain;

import io.quarkus.qute.TemplateData;

/**
 * One check a briefing's traffic light shows: a name (a known key such as {@code venue-ready} is translated, any
 * other name is shown as it is) and whether it is met. Fed from the briefing's facts, or from any list of checks.
 */
@TemplateData
public record ReadinessCheck(String name, Status status) {
    public enum Status {
        MET, NOT_MET, UNKNOWN
    }
}
