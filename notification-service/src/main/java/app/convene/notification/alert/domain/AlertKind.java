package app.convene.notification.alert.domain;

import java.util.EnumSet;
import java.util.Set;

import app.convene.notification.delivery.domain.Audience;

/** The kinds of immediate alert, each with the audiences it goes to. */
public enum AlertKind {
    BUDGET_THRESHOLD_EXCEEDED(EnumSet.of(Audience.FINANCE, Audience.ORGANIZERS)),
    SAFETY_AT_RISK(EnumSet.of(Audience.FACILITY, Audience.ORGANIZERS)),
    INSURANCE_EXPIRING(EnumSet.of(Audience.FACILITY)),
    READINESS_LOST(EnumSet.of(Audience.FACILITY, Audience.ORGANIZERS)),
    INSPECTION_FAILED(EnumSet.of(Audience.FACILITY, Audience.ORGANIZERS)),
    EVENT_CANCELLED(EnumSet.allOf(Audience.class)),
    GO_NO_GO_CHANGED(EnumSet.of(Audience.ORGANIZERS)),
    GO_NO_GO_ESCALATED(EnumSet.of(Audience.LEADS));

    public final Set<Audience> audiences;

    AlertKind(Set<Audience> audiences) {
        this.audiences = audiences;
    }
}
