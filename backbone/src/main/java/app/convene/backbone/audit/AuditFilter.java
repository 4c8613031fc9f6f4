package app.convene.backbone.audit;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Records in the audit trail, once the answer is ready, a change made through the API that was not recorded with the
 * change itself: one served by a resource class without {@link AuditedChanges} (see {@link ChangeAudit}).
 */
public class AuditFilter {
    private static final Logger LOG = Logger.getLogger(AuditFilter.class);

    @Inject
    ChangeAudit audit;

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response) {
        try {
            audit.recordAfter(response.getStatus(), response.getHeaderString("Location"),
                    response.getHeaderString("Idempotent-Replayed") != null);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Audit entry for %s %s could not be written", request.getMethod(),
                    request.getUriInfo().getPath());
        }
    }
}
