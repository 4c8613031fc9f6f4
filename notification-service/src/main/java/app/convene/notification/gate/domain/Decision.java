package app.convene.notification.gate.domain;

/**
 * The gate's answer for an event: GO when every required check is met; NO_GO when any required check is not met;
 * AT_RISK otherwise (no required check fails, but one is not known yet).
 */
public enum Decision {
    GO, NO_GO, AT_RISK
}
