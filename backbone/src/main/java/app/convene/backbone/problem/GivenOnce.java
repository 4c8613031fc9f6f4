package app.convene.backbone.problem;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import app.convene.backbone.idempotency.IdempotentRequests;

/**
 * A query parameter, or a header that holds one value, given twice is refused with a 400 naming it, not read as one
 * of its values: every query parameter of this API takes one value, and a proxy in front of a service may read the
 * other one ({@code ?limit=10&limit=5000}, two {@code Authorization} or {@code Idempotency-Key} headers).
 */
public class GivenOnce {
    /** Headers of one value (RFC 9110 lets list headers such as Accept or If-Match come on several lines). */
    private static final List<String> SINGLE_VALUED = List.of(HttpHeaders.AUTHORIZATION, IdempotentRequests.HEADER);
    static final String RULE = "must be given once";

    /** After {@link ControlCharacters}: a name holding NUL is refused for that first. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.USER + 1)
    public void refuseRepeats(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            if (parameter.getValue().size() > 1) {
                throw ProblemException.invalidField(parameter.getKey(), RULE);
            }
        }
        for (String header : SINGLE_VALUED) {
            List<String> values = request.getHeaders().get(header);
            if (values != null && values.size() > 1) {
                throw ProblemException.invalidField(header, RULE);
            }
        }
    }
}
