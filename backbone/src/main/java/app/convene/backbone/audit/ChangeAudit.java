package app.convene.backbone.audit;

import java.net.URI;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.convene.backbone.security.Caller;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Which changes made through the API the audit trail records (a successful POST, PUT, PATCH or DELETE under
 * {@code /api/} by a signed-in caller), with the actor, on whose behalf it acted, the event it touched, the method
 * and path.
 * <p>
 * Every change records its entry in the transaction of the change itself ({@link #recordWithChange}, called by
 * {@link AuditedChangeInterceptor} around the resource method, and by {@code IdempotentRequests} for a keyed POST): the
 * two commit together or not at all. A change served by a resource class without {@link AuditedChanges} is recorded by
 * {@link AuditFilter} once its answer is ready, after its change committed.
 */
@ApplicationScoped
public class ChangeAudit {
    /** Set on the request once its entry is written with its change, so the filter does not write it again. */
    private static final String RECORDED = ChangeAudit.class.getName() + ".recorded";
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** The event a path is about: every event-scoped operation lies under {@code /api/events/{eventId}}. */
    private static final Pattern EVENT_PATH = Pattern.compile("^/api/events/([0-9a-fA-F-]{36})(?:/|$)");
    /** The event a POST created, from its {@code Location}. */
    private static final Pattern CREATED_EVENT = Pattern.compile("/api/events/([0-9a-fA-F-]{36})$");

    @Inject
    AuditTrail trail;
    @Inject
    Caller caller;
    @Inject
    SecurityIdentity identity;
    @Inject
    CurrentVertxRequest current;

    /** Whether the current request is one whose change the trail records, whatever its answer turns out to be. */
    public boolean isChangeRequest() {
        if (!Arc.container().requestContext().isActive()) {
            return false; // not an HTTP request
        }
        RoutingContext request = current.getCurrent();
        return request != null && request.get(RECORDED) == null && action(request, 200) != null;
    }

    /**
     * Called inside the change's transaction once it has its answer: writes the entry in that transaction when the
     * change is one the trail records and its entry is not written yet. A replayed idempotent answer changed nothing
     * and is not recorded again.
     */
    public void recordWithChange(int status, URI location, boolean replayed) {
        if (replayed || !Arc.container().requestContext().isActive()) {
            return; // a replay, or not an HTTP request's change
        }
        RoutingContext request = current.getCurrent();
        String action = request == null || request.get(RECORDED) != null ? null : action(request, status);
        if (action != null) {
            trail.appendWithChange(caller.organisation(), caller.subject(), caller.onBehalfOf(),
                    eventId(request, location == null ? null : location.toString()), action, status);
            request.put(RECORDED, Boolean.TRUE);
        }
    }

    /**
     * Called once the answer is ready, after the change committed: writes the entry of a change not recorded with it.
     * A replayed idempotent answer changed nothing and is not recorded again.
     */
    void recordAfter(int status, String location, boolean replayed) {
        RoutingContext request = current.getCurrent();
        String action = replayed ? null : action(request, status);
        if (action != null && request.get(RECORDED) == null) {
            trail.append(caller.organisation(), caller.subject(), caller.onBehalfOf(), eventId(request, location),
                    action, status);
        }
    }

    /** The entry's action ("POST /api/..."), or null when the trail does not record this request. */
    private String action(RoutingContext request, int status) {
        if (request == null || status < 200 || status >= 300) {
            return null;
        }
        String method = request.request().method().name();
        String path = request.normalizedPath();
        // The caller last: an OPTIONS answered before routing is on the IO thread, where it cannot be looked up.
        if (!CHANGES.contains(method) || !path.startsWith("/api/")) {
            return null;
        }
        return identity.isAnonymous() ? null : method + " " + path;
    }

    /** The event acted on: as the access check noted it, else the one in the path, else the one just created. */
    private UUID eventId(RoutingContext request, String location) {
        if (caller.eventId() != null) {
            return caller.eventId();
        }
        Matcher inPath = EVENT_PATH.matcher(request.normalizedPath());
        if (inPath.find()) {
            return uuid(inPath.group(1));
        }
        Matcher created = location == null ? null : CREATED_EVENT.matcher(location);
        return created != null && created.find() ? uuid(created.group(1)) : null;
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
