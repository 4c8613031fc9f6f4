package app.convene.notification.gate.domain;

/** Where one gate check stands: met, not met, or not known yet (the fact was never announced). */
public enum CheckStatus {
    MET, NOT_MET, UNKNOWN
}
