package app.convene.backbone.security;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.convene.backbone.sample.SampleService;
import app.convene.backbone.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A token sent again is not verified again, yet it stops being accepted exactly when it would have been refused had it
 * been verified each time: at its expiry, and once it is older than the accepted token age (6 seconds here). A token
 * whose signature was altered is refused even while the genuine one is kept. No clock skew is allowed here, so the
 * moment shows.
 */
@QuarkusTest
@TestProfile(VerifiedTokensTest.NoSkew.class)
class VerifiedTokensTest {

    public static class NoSkew extends SampleService {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("mp.jwt.verify.clock.skew", "0");
            overrides.put("smallrye.jwt.expiration.grace", "0");
            overrides.put("mp.jwt.verify.token.age", "6");
            return overrides;
        }
    }

    private static String organizer(Instant issuedAt, Duration lifetime) {
        return Tokens.bearer("organizer", "olivia-" + UUID.randomUUID() + "@example.com", Tokens.ORGANISATION,
                Tokens.AUDIENCES, issuedAt, lifetime);
    }

    @Test
    void aKeptTokenIsRefusedFromItsExpiryOn() {
        String shortLived = organizer(Instant.now(), Duration.ofSeconds(4));
        RateLimitTest.write(shortLived).statusCode(201);
        RateLimitTest.write(shortLived).statusCode(201);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> RateLimitTest.write(shortLived).statusCode(401));
        RateLimitTest.write(shortLived).statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aKeptTokenIsRefusedOnceOlderThanTheAcceptedAge() {
        // Issued 2 seconds ago and valid for an hour: too old 4 seconds from now.
        String ageing = organizer(Instant.now().minusSeconds(2), Duration.ofHours(1));
        RateLimitTest.write(ageing).statusCode(201);
        RateLimitTest.write(ageing).statusCode(201);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> RateLimitTest.write(ageing).statusCode(401));
    }

    @Test
    void aTokenWithAnAlteredSignatureIsRefusedWhileTheGenuineOneIsKept() {
        String genuine = organizer(Instant.now(), Duration.ofHours(1));
        RateLimitTest.write(genuine).statusCode(201);
        String raw = genuine.substring("Bearer ".length());
        int cut = raw.lastIndexOf('.') + 5;
        String altered = "Bearer " + raw.substring(0, cut) + (raw.charAt(cut) == 'A' ? 'B' : 'A')
                + raw.substring(cut + 1);
        RateLimitTest.write(altered).statusCode(401).contentType("application/problem+json");
        RateLimitTest.write(genuine).statusCode(201);
    }
}
