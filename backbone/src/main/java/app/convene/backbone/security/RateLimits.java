package app.convene.backbone.security;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import app.convene.backbone.event.EventAccess;
import app.convene.backbone.outbox.BackboneConfig;
import app.convene.backbone.problem.Problem;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;

/**
 * Rate limits on writes (POST, PUT, PATCH, DELETE) and on exports (a CSV or iCalendar file, an export job's file,
 * the finance journal), per caller and per organisation, so one client (or one organisation's clients together)
 * cannot starve the others. Past a limit the answer is a 429 problem with {@code Retry-After} (seconds). Each limit
 * is a resilience4j {@link RateLimiter} in this instance's memory (so many permits per
 * {@code backbone.rate-limit.period}), or, with {@code backbone.rate-limit.store=database}, a count in the service's
 * database shared by all its instances ({@link SharedLimitCounts}).
 * A request without a valid token is not counted here; it gets its 401 from the security checks.
 */
public class RateLimits {
    static final String CALLER = "caller";
    static final String ORGANISATION = "organisation";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** Limiters kept at most; past this they are all dropped (each then starts full again), bounding memory. */
    private static final int MAX_LIMITERS = 100_000;

    @Inject
    BackboneConfig config;
    @Inject
    CurrentIdentityAssociation identities;
    @Inject
    SharedLimitCounts sharedCounts;

    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private volatile Pattern exportPaths;

    enum Kind {
        WRITE("writes"), EXPORT("exports");

        final String plural;

        Kind(String plural) {
            this.plural = plural;
        }
    }

    @ServerRequestFilter
    public Uni<Response> limit(ContainerRequestContext request) {
        BackboneConfig.RateLimit settings = config.rateLimit();
        Kind kind = settings.enabled() ? kindOf(request, settings) : null;
        if (kind == null) {
            return Uni.createFrom().nullItem();
        }
        Uni<SecurityIdentity> identity = identities.getDeferredIdentity().onFailure().recoverWithNull();
        if (settings.store() == BackboneConfig.RateLimit.Store.MEMORY) {
            return identity.map(caller -> check(kind, caller, settings, request));
        }
        // The shared counts are a database statement: never on an I/O thread (a blocking endpoint's filters
        // already run on a worker).
        return identity.onItem().transformToUni(caller -> {
            Uni<Response> answer = Uni.createFrom().item(() -> check(kind, caller, settings, request));
            return Context.isOnEventLoopThread() ? answer.runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    : answer;
        });
    }

    private Kind kindOf(ContainerRequestContext request, BackboneConfig.RateLimit settings) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if (WRITES.contains(method)) {
            return Kind.WRITE;
        }
        if (!method.equals("GET")) {
            return null;
        }
        Pattern pattern = exportPaths;
        if (pattern == null) {
            pattern = Pattern.compile(settings.exportPaths());
            exportPaths = pattern;
        }
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        boolean csv = accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
        return csv || pattern.matcher(request.getUriInfo().getPath()).matches() ? Kind.EXPORT : null;
    }

    private Response check(Kind kind, SecurityIdentity identity, BackboneConfig.RateLimit settings,
            ContainerRequestContext request) {
        String organisation = Caller.organisationOf(identity);
        if (identity == null || identity.isAnonymous() || organisation == null) {
            return null;
        }
        String subject = EventAccess.normalise(identity.getPrincipal().getName());
        int callerLimit = kind == Kind.WRITE ? settings.callerWrites() : settings.callerExports();
        int organisationLimit = kind == Kind.WRITE ? settings.organisationWrites() : settings.organisationExports();
        String callerKey = kind + "|" + organisation + "|" + subject;
        String organisationKey = kind + "|" + organisation;
        Duration wait;
        boolean byCaller;
        if (settings.store() == BackboneConfig.RateLimit.Store.DATABASE) {
            SharedLimitCounts.Refusal refusal = sharedCounts.take(callerKey, callerLimit, organisationKey,
                    organisationLimit, settings.period());
            if (refusal == null) {
                return null;
            }
            wait = refusal.retryAfter();
            byCaller = refusal.byCaller();
        } else {
            wait = refusal(callerKey, callerLimit, settings.period());
            byCaller = wait != null;
            if (wait == null) {
                wait = refusal(organisationKey, organisationLimit, settings.period());
            }
            if (wait == null) {
                return null;
            }
        }
        String who = byCaller ? "you" : "your organisation";
        int limit = byCaller ? callerLimit : organisationLimit;
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        String detail = "more than " + limit + " " + kind.plural + " per " + describe(settings.period()) + " by "
                + who + "; retry after " + seconds + " s";
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", Long.toString(seconds))
                .entity(new Problem(URI.create(Problem.TYPE_BASE + "too-many-requests"), "Too Many Requests", 429,
                        detail, URI.create(request.getUriInfo().getRequestUri().getRawPath()), null))
                .build();
    }

    /** Takes a permit; null when there was one, else how long until the next one. */
    private Duration refusal(String key, int limit, Duration period) {
        if (limiters.size() > MAX_LIMITERS) {
            limiters.clear();
        }
        RateLimiter limiter = limiters.computeIfAbsent(key, k -> RateLimiter.of(k, RateLimiterConfig.custom()
                .limitForPeriod(limit).limitRefreshPeriod(period).timeoutDuration(Duration.ZERO).build()));
        if (limiter.acquirePermission()) {
            return null;
        }
        long nanos = limiter instanceof AtomicRateLimiter atomic ? atomic.getDetailedMetrics().getNanosToWait()
                : period.toNanos();
        return Duration.ofNanos(Math.max(nanos, 1));
    }

    private static String describe(Duration period) {
        if (period.equals(Duration.ofSeconds(1))) {
            return "second";
        }
        if (period.equals(Duration.ofMinutes(1))) {
            return "minute";
        }
        return period.toString();
    }
}
