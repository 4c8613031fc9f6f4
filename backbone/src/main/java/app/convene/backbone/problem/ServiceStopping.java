package app.convene.backbone.problem;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.quarkus.runtime.StartupEvent;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A service that is stopping takes no new request: from the moment it is told to stop (SIGTERM), a request that
 * reaches it is answered at once with a 503 problem ({@code service-stopping}, {@code Retry-After}, the connection
 * closed) and changes nothing, while the requests it was already serving are answered as usual
 * ({@code quarkus.shutdown.timeout}). Without this, requests kept arriving on new connections during the wait were
 * served too, and one accepted just before the server closed could commit its change and lose its answer. A client
 * sends the refused request again, with the same {@code Idempotency-Key}, to another instance or after the restart.
 */
@Singleton
public class ServiceStopping {
    /** Set by a shutdown hook, so it holds from the first moment of the stop, ahead of Quarkus' own wait for requests. */
    private static volatile boolean stopping;

    void onStart(@Observes StartupEvent event) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopping = true, "service-stopping"));
    }

    @ServerRequestFilter(preMatching = true)
    public Response refuse() {
        if (!stopping) {
            return null;
        }
        return Response.status(503).type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER, 1)
                .header("Connection", "close")
                .entity(new Problem(ProblemMappers.type("service-stopping"), "Service Unavailable", 503,
                        "this instance of the service is stopping; nothing was changed, send the request again "
                                + "(with the same Idempotency-Key) after the Retry-After seconds",
                        null, null))
                .build();
    }
}
