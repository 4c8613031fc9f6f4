package app.convene.backbone.security;

import static app.convene.backbone.security.RateLimitTest.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.convene.backbone.outbox.BackboneConfig;
import app.convene.backbone.testing.LimitWindows;
import app.convene.backbone.testing.Race;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Limits shared by every instance of a service through its database ({@code backbone.rate-limit.store=database}):
 * the same story as {@link RateLimitTest}, a race of one caller's writes that takes exactly the limit's permits, a
 * second instance (its own counter object, nothing shared in memory) refused by what the first counted, and the next
 * window giving permits again. Limits here: 3 writes per caller and 5 per organisation per minute.
 */
@QuarkusTest
@TestProfile(SharedRateLimitTest.Shared.class)
class SharedRateLimitTest {

    public static class Shared extends RateLimitTest.Limited {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("backbone.rate-limit.store", "database");
            return overrides;
        }
    }

    @Inject
    DataSource dataSource;
    @Inject
    BackboneConfig config;

    /** Another instance of the service: a counter of its own over the same database. */
    private SharedLimitCounts anotherInstance() {
        SharedLimitCounts counts = new SharedLimitCounts();
        counts.dataSource = dataSource;
        counts.config = config;
        return counts;
    }

    @Test
    void aBurstIsCutOffPerCallerThenPerOrganisationAndAnotherOrganisationIsUnaffected() throws Exception {
        LimitWindows.startEarlyInAMinute();
        String organisation = "initech-" + UUID.randomUUID().toString().substring(0, 8);
        String olivia = Tokens.bearer("organizer", "olivia@initech.example", organisation);
        for (int i = 0; i < 3; i++) {
            write(olivia).statusCode(201);
        }
        write(olivia).statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("type", equalTo("https://convene.app/problems/too-many-requests"))
                .body("status", equalTo(429)).body("detail", containsString("3 writes per minute by you"));

        String oscar = Tokens.bearer("organizer", "oscar@initech.example", organisation);
        write(oscar).statusCode(201);
        write(oscar).statusCode(201);
        write(oscar).statusCode(429).header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("detail", containsString("5 writes per minute by your organisation"));

        write(Tokens.bearer("organizer", "gus@globex.example", "globex-" + organisation)).statusCode(201);

        // The counts are in the database, under digests: no caller's address is kept there.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement rows = connection.prepareStatement(
                        "select key, taken from rate_limit_count where key in (?, ?)")) {
            rows.setString(1, Digests.sha256Hex("WRITE|" + organisation + "|olivia@initech.example"));
            rows.setString(2, Digests.sha256Hex("WRITE|" + organisation));
            Map<String, Integer> taken = new HashMap<>();
            try (ResultSet row = rows.executeQuery()) {
                while (row.next()) {
                    taken.put(row.getString(1), row.getInt(2));
                }
            }
            assertThat(taken.values()).containsExactlyInAnyOrder(3, 5);
            assertThat(taken.keySet()).allSatisfy(key -> assertThat(key).matches("[0-9a-f]{64}"));
        }
    }

    @Test
    void oneCallersWritesRacingTakeExactlyTheLimitsPermits() throws Exception {
        LimitWindows.startEarlyInAMinute();
        String organisation = "race-" + UUID.randomUUID().toString().substring(0, 8);
        String olivia = Tokens.bearer("organizer", "olivia@race.example", organisation);
        List<Integer> statuses = Race.statuses(12, caller -> write(olivia).extract().statusCode());
        assertThat(Collections.frequency(statuses, 201)).as(statuses.toString()).isEqualTo(3);
        assertThat(Collections.frequency(statuses, 429)).as(statuses.toString()).isEqualTo(9);
    }

    @Test
    void anotherInstanceIsRefusedByWhatThisOneCounted() throws Exception {
        LimitWindows.startEarlyInAMinute();
        String organisation = "shared-" + UUID.randomUUID().toString().substring(0, 8);
        String olivia = Tokens.bearer("organizer", "olivia@shared.example", organisation);
        write(olivia).statusCode(201);
        write(olivia).statusCode(201);

        SharedLimitCounts other = anotherInstance();
        String callerKey = "WRITE|" + organisation + "|olivia@shared.example";
        String organisationKey = "WRITE|" + organisation;
        assertThat(other.take(callerKey, 3, organisationKey, 5, Duration.ofMinutes(1))).isNull();
        SharedLimitCounts.Refusal refused = other.take(callerKey, 3, organisationKey, 5, Duration.ofMinutes(1));
        assertThat(refused).isNotNull();
        assertThat(refused.byCaller()).isTrue();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
        // ... and so is this one, over HTTP.
        write(olivia).statusCode(429).body("detail", containsString("by you"));
    }

    @Test
    void theNextWindowGivesPermitsAgain() throws Exception {
        SharedLimitCounts counts = anotherInstance();
        String organisation = "window-" + UUID.randomUUID();
        String caller = "WRITE|" + organisation + "|olivia@window.example";
        Duration period = Duration.ofSeconds(1);
        SharedLimitCounts.Refusal refused = null;
        for (int i = 0; i < 10 && refused == null; i++) {
            refused = counts.take(caller, 2, "WRITE|" + organisation, 100, period);
        }
        assertThat(refused).as("a third take within one window").isNotNull();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(period);
        Thread.sleep(refused.retryAfter().toMillis() + 20);
        assertThat(counts.take(caller, 2, "WRITE|" + organisation, 100, period)).isNull();
    }
}
