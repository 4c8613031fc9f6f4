package app.convene.venue.domain;

import java.util.Set;

/** Where a partner's issue stands: it is mediated before it is resolved, and a resolved issue stays resolved. */
public enum IssueStatus {
    OPEN, IN_MEDIATION, RESOLVED;

    /** The statuses an issue in this status may move to. */
    public Set<IssueStatus> next() {
        return switch (this) {
            case OPEN -> Set.of(IN_MEDIATION);
            case IN_MEDIATION -> Set.of(RESOLVED);
            case RESOLVED -> Set.of();
        };
    }

    public boolean mayBecome(IssueStatus target) {
        return next().contains(target);
    }
}
