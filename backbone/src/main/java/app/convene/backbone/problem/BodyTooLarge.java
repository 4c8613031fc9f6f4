package app.convene.backbone.problem;

import java.net.URI;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * A body larger than {@code quarkus.http.limits.max-body-size} is refused with a 413 problem. The HTTP layer refuses
 * it before any resource runs, with an empty body; this route runs just ahead of that check, so the client learns
 * what went wrong in the same shape as every other error.
 * <p>
 * A body announced by its {@code Content-Length} is refused before it is read. A body sent in chunks
 * ({@code Transfer-Encoding: chunked}, no length) is read here, up to the limit, before any resource runs (the
 * framework would otherwise cut it off while a resource reads it, with a bare 413): past the limit it is refused with
 * the same problem; within it the resource gets it whole.
 */
@Singleton
public class BodyTooLarge {
    private static final String REFUSED = BodyTooLarge.class.getName() + ".refused";

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;
    @Inject
    ObjectMapper objectMapper;

    void install(@Observes Router router) {
        if (maxBodySize.isEmpty()) {
            return;
        }
        long limit = maxBodySize.get().asLongValue();
        BodyHandler chunks = BodyHandler.create(false).setBodyLimit(limit).setMergeFormAttributes(false);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(context -> {
            if (context.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null
                    && context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
                // Reads the chunks, failing the request with 413 once they pass the limit (answered below).
                chunks.handle(context);
            } else {
                refuse(context, limit);
            }
        });
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).failureHandler(context -> {
            if (context.statusCode() == 413 && !context.response().headWritten()) {
                context.put(REFUSED, Boolean.TRUE);
                answer(context, "the request body is larger than " + limit + " bytes; at most " + limit
                        + " are accepted");
            } else if (Boolean.TRUE.equals(context.get(REFUSED)) && context.response().ended()) {
                // The connection closed under the rest of a refused body: answered already, nothing went wrong.
            } else {
                context.next();
            }
        });
    }

    private void refuse(RoutingContext context, long limit) {
        String announced = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = announced == null ? -1 : Long.parseLong(announced.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length <= limit) {
            context.next();
            return;
        }
        answer(context, "the request body is " + length + " bytes; at most " + limit + " are accepted");
    }

    private void answer(RoutingContext context, String detail) {
        Problem problem = new Problem(ProblemMappers.type("payload-too-large"), "Content Too Large", 413, detail,
                path(context), null);
        String body;
        try {
            body = objectMapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // As the HTTP layer does: the unread body is not drained, so the connection is closed after the answer.
        context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(ended -> context.request().connection().close())
                .end(body);
    }

    private static URI path(RoutingContext context) {
        try {
            return URI.create(context.request().path());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
