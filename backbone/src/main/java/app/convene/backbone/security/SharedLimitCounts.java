package app.convene.backbone.security;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import app.convene.backbone.outbox.BackboneConfig;
import io.quarkus.scheduler.Scheduled;

/**
 * The rate limits' counts kept in the service's database ({@code rate_limit_count}), so that all instances of a
 * service share its limits: a fixed window per limit, its start worked out from the database's clock, so instances
 * whose clocks differ agree on it. One statement takes a caller's permit and, only when it got one, its organisation's:
 * each is an insert or an update that adds one only while under the limit, so concurrent requests on any instance
 * never take more permits than the limit (the row's lock orders them). Keys are digests: no caller's address is kept.
 */
@ApplicationScoped
public class SharedLimitCounts {
    private static final Logger LOG = Logger.getLogger(SharedLimitCounts.class);
    private static final long FAILURE_LOG_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    /**
     * Takes one permit of each limit: the caller's, then, if it got it, the organisation's. Answers who was refused
     * ({@code null} for nobody) and how long until the window ends.
     */
    private static final String TAKE = """
            with clock as (
                select now, to_timestamp(floor(extract(epoch from now) / ?) * ?) as window_start
                  from (select clock_timestamp() as now) read_once
            ), caller as (
                insert into rate_limit_count as c (key, window_start, taken)
                select ?, window_start, 1 from clock
                on conflict (key) do update
                   set taken = case when c.window_start < excluded.window_start then 1 else c.taken + 1 end,
                       window_start = greatest(c.window_start, excluded.window_start)
                 where c.window_start < excluded.window_start or c.taken < ?
                returning 1
            ), organisation as (
                insert into rate_limit_count as c (key, window_start, taken)
                select ?, window_start, 1 from clock where exists (select 1 from caller)
                on conflict (key) do update
                   set taken = case when c.window_start < excluded.window_start then 1 else c.taken + 1 end,
                       window_start = greatest(c.window_start, excluded.window_start)
                 where c.window_start < excluded.window_start or c.taken < ?
                returning 1
            )
            select case when not exists (select 1 from caller) then 'caller'
                        when not exists (select 1 from organisation) then 'organisation' end as refused,
                   extract(epoch from window_start - now) as until_window_ends
              from clock
            """;

    @Inject
    DataSource dataSource;
    @Inject
    BackboneConfig config;

    private volatile long lastFailureLogged = System.nanoTime() - FAILURE_LOG_EVERY_NANOS;

    /** Whose limit refused the request (the caller's, else its organisation's), and how long until the next window. */
    record Refusal(boolean byCaller, Duration retryAfter) {
    }

    /**
     * Takes a permit of the caller's limit and then of the organisation's. When the database cannot be reached the
     * request is let through (it then meets the same database itself) and the failure is logged once a minute.
     */
    Refusal take(String callerKey, int callerLimit, String organisationKey, int organisationLimit,
            Duration period) {
        BigDecimal seconds = BigDecimal.valueOf(period.toNanos(), 9);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement take = connection.prepareStatement(TAKE)) {
            take.setBigDecimal(1, seconds);
            take.setBigDecimal(2, seconds);
            take.setString(3, Digests.sha256Hex(callerKey));
            take.setInt(4, callerLimit);
            take.setString(5, Digests.sha256Hex(organisationKey));
            take.setInt(6, organisationLimit);
            try (ResultSet answer = take.executeQuery()) {
                answer.next();
                String refused = answer.getString(1);
                if (refused == null) {
                    return null;
                }
                BigDecimal untilStart = answer.getBigDecimal(2);
                long waitNanos = seconds.add(untilStart).movePointRight(9).longValue();
                return new Refusal(refused.equals("caller"), Duration.ofNanos(Math.max(waitNanos, 1)));
            }
        } catch (SQLException e) {
            long now = System.nanoTime();
            if (now - lastFailureLogged >= FAILURE_LOG_EVERY_NANOS) {
                lastFailureLogged = now;
                LOG.warnf("Rate limits not counted, the database did not answer (requests are let through): %s",
                        e.getMessage());
            }
            return null;
        }
    }

    /** Deletes the counts of limits nobody has used for an hour. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetIdleLimits() {
        BackboneConfig.RateLimit settings = config.rateLimit();
        if (!settings.enabled() || settings.store() != BackboneConfig.RateLimit.Store.DATABASE) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement forget = connection.prepareStatement(
                        "delete from rate_limit_count where window_start < clock_timestamp() - interval '1 hour'")) {
            forget.executeUpdate();
        } catch (SQLException e) {
            LOG.debugf("Idle rate limit counts not deleted this time: %s", e.getMessage());
        }
    }
}
