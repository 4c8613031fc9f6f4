package app.convene.backbone.security;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * The headers every answer of the API carries, whoever writes it (a resource, a problem, the HTTP layer's own
 * refusals): {@code X-Content-Type-Options: nosniff}, so a browser never reads a JSON or calendar body as something
 * else; {@code X-Frame-Options: DENY} and {@code Content-Security-Policy: frame-ancestors 'none'}, so no page frames
 * an answer; {@code Referrer-Policy: no-referrer}, so a link followed from an answer (a calendar feed's private URL)
 * is not told where it came from; and {@code Cache-Control: no-store} unless the answer sets its own (the reads that
 * may be revalidated say {@code private, no-cache}), so answers holding attendees' data are kept by no cache on the
 * way or on disk.
 */
@Singleton
public class SecurityHeaders {
    /** Ahead of every other route: the headers are added as the answer's headers are written, whoever writes them. */
    static final int ORDER = Integer.MIN_VALUE + 100;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(context -> {
            context.addHeadersEndHandler(ignored -> add(context.response().headers()));
            context.next();
        });
    }

    static void add(MultiMap headers) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Content-Security-Policy", "frame-ancestors 'none'");
        headers.set("Referrer-Policy", "no-referrer");
        if (!headers.contains(HttpHeaders.CACHE_CONTROL)) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
