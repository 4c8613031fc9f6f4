package app.convene.backbone.access;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;

import app.convene.backbone.event.EventAccess;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;

/**
 * The one access rule of every service, for an event and everything hanging off it.
 * <ul>
 * <li>Another organisation's event does not exist for the caller: 404, and lists never show it.</li>
 * <li>Within the organisation, staff (organizer, finance, facility) see every event that is not confidential; a
 * confidential event is seen only by its owner, co-organizers and delegates, and by finance for its budget.</li>
 * <li>Only the owner, co-organizers and delegates change an event and what hangs off it, unless the operation is one
 * a role does for the whole organisation (finance approving budgets, facility inspecting rooms); others who see
 * the event get 403.</li>
 * </ul>
 * Attendees see no event through this guard; the services that serve attendees add their own rule (their own
 * registrations, published events).
 */
@ApplicationScoped
public class EventAccessGuard {
    @Inject
    EventAccessStore store;
    @Inject
    Caller caller;

    /** The event's access when the caller may see it; 404 otherwise. */
    public EventAccess read(UUID eventId) {
        return visible(eventId, false);
    }

    /** As {@link #read}, and finance sees the budget of confidential events too. */
    public EventAccess readBudget(UUID eventId) {
        return visible(eventId, caller.hasRole(Roles.FINANCE));
    }

    /**
     * The event's access when the caller may change it: its owner, a co-organizer or a delegate, or (for the
     * operations a role does for the whole organisation) a caller with one of {@code organisationWideRoles}.
     */
    public EventAccess change(UUID eventId, String... organisationWideRoles) {
        return changeable(visible(eventId, false), eventId, organisationWideRoles);
    }

    /** As {@link #change}, where finance also sees confidential events (their budgets). */
    public EventAccess changeBudget(UUID eventId, String... organisationWideRoles) {
        return changeable(visible(eventId, caller.hasRole(Roles.FINANCE)), eventId, organisationWideRoles);
    }

    /** Whether the caller sees an event with this access (for lists built in memory). */
    public boolean canSee(EventAccess access) {
        return access != null && access.organisation().equals(caller.organisation())
                && (access.isMember(caller.subject()) || (!access.confidential() && caller.isStaff()));
    }

    /** The owner, a co-organizer or a delegate of the event, in the caller's organisation. */
    public EventAccess requireMember(UUID eventId) {
        EventAccess access = visible(eventId, false);
        if (!access.isMember(caller.subject())) {
            throw forbidden(eventId);
        }
        return access;
    }

    /** The visibility rule, with its column and its five parameters to fill in. */
    private static final String VISIBLE = "exists (select 1 from event_access va where va.event_id = %s"
            + " and va.organisation = %s and (%s = any(va.members) or (%s and not va.confidential) or (%s and %s)))";

    /**
     * A condition for list queries: the event whose id is in {@code eventIdColumn} is visible to the caller. Bind its
     * parameters with {@link #bindVisibility}.
     */
    public static String visibleCondition(String eventIdColumn) {
        return VISIBLE.formatted(eventIdColumn, ":visOrganisation", ":visSubject", ":visStaff", ":visFinance",
                ":visBudget");
    }

    /**
     * The same condition for a statement run over the connection directly: five positional parameters, bound with
     * {@link #bindVisibility(PreparedStatement, int, boolean)}.
     */
    public static String visibleConditionByPosition(String eventIdColumn) {
        return VISIBLE.formatted(eventIdColumn, "?", "?", "?", "?", "?");
    }

    /** Binds the parameters of {@link #visibleCondition}; {@code budget}: finance sees confidential budgets. */
    public Query bindVisibility(Query query, boolean budget) {
        return query.setParameter("visOrganisation", caller.organisation())
                .setParameter("visSubject", caller.subject())
                .setParameter("visStaff", caller.isStaff())
                .setParameter("visFinance", caller.hasRole(Roles.FINANCE))
                .setParameter("visBudget", budget);
    }

    /**
     * Binds the parameters of {@link #visibleConditionByPosition} from {@code index} on; the index after them.
     */
    public int bindVisibility(PreparedStatement statement, int index, boolean budget) throws SQLException {
        statement.setString(index, caller.organisation());
        statement.setString(index + 1, caller.subject());
        statement.setBoolean(index + 2, caller.isStaff());
        statement.setBoolean(index + 3, caller.hasRole(Roles.FINANCE));
        statement.setBoolean(index + 4, budget);
        return index + 5;
    }

    private EventAccess visible(UUID eventId, boolean financeSeesConfidential) {
        EventAccess access = store.find(eventId).orElse(null);
        if (access == null || !access.organisation().equals(caller.organisation())) {
            throw ProblemException.notFound("event", eventId);
        }
        boolean member = access.isMember(caller.subject());
        if (!member && !(caller.isStaff() && (!access.confidential() || financeSeesConfidential))) {
            throw ProblemException.notFound("event", eventId);
        }
        caller.actingOn(eventId, access.onBehalfOf(caller.subject()));
        return access;
    }

    private EventAccess changeable(EventAccess access, UUID eventId, String[] organisationWideRoles) {
        if (access.isMember(caller.subject()) || Arrays.stream(organisationWideRoles).anyMatch(caller::hasRole)) {
            return access;
        }
        throw forbidden(eventId);
    }

    private static ProblemException forbidden(UUID eventId) {
        return new ProblemException(403, "not-event-member", "Forbidden", "only the owner, co-organizers and "
                + "delegates of event " + eventId + " may do this");
    }
}
