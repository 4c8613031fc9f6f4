package app.convene.backbone.audit;

import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import app.convene.backbone.security.Caller;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Records every change made through the API (a successful POST, PUT, PATCH or DELETE under {@code /api/}) in the
 * audit trail: the actor, on whose behalf it acted, the event it touched, the method and path. A replayed
 * idempotent answer changed nothing and is not recorded again.
 */
public class AuditFilter {
    private static final Logger LOG = Logger.getLogger(AuditFilter.class);
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern CREATED_EVENT = Pattern.compile("/api/events/([0-9a-fA-F-]{36})$");

    @Inject
    AuditTrail trail;
    @Inject
    Caller caller;
    @Inject
    SecurityIdentity identity;

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        int status = response.getStatus();
        if (!CHANGES.contains(request.getMethod()) || !path.startsWith("/api/") || status < 200 || status >= 300
                || response.getHeaderString("Idempotent-Replayed") != null || identity.isAnonymous()) {
            return;
        }
        try {
            UUID eventId = caller.eventId() != null ? caller.eventId() : eventIdOf(request, response);
            trail.append(caller.organisation(), caller.subject(), caller.onBehalfOf(), eventId,
                    request.getMethod() + " " + path, status);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Audit entry for %s %s could not be written", request.getMethod(), path);
        }
    }

    /** The event named in the path, or the one just created (its Location). */
    private static UUID eventIdOf(ContainerRequestContext request, ContainerResponseContext response) {
        String id = request.getUriInfo().getPathParameters().getFirst("eventId");
        if (id == null && response.getHeaderString("Location") != null) {
            Matcher created = CREATED_EVENT.matcher(response.getHeaderString("Location"));
            id = created.find() ? created.group(1) : null;
        }
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
