package app.convene.backbone.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/** Bearer tokens signed with the test key, as the identity provider would issue them. */
public final class Tokens {
    /** The organisation of every token that does not name another. */
    public static final String ORGANISATION = "acme";
    /** The audiences of the four services: a token of the identity provider is good for all of them. */
    public static final Set<String> AUDIENCES = Set.of("convene-registration", "convene-budget", "convene-venue",
            "convene-notification");

    private Tokens() {
    }

    public static String bearer(String role, String subject) {
        return bearer(role, subject, ORGANISATION);
    }

    /** A token of {@code subject} with {@code role} in organisation {@code org}; no {@code org} claim when null. */
    public static String bearer(String role, String subject, String org) {
        return bearer(role, subject, org, AUDIENCES, Instant.now(), Duration.ofHours(1));
    }

    /** A token for the given audiences, issued at {@code issuedAt} and valid for {@code lifetime} from then. */
    public static String bearer(String role, String subject, String org, Set<String> audiences, Instant issuedAt,
            Duration lifetime) {
        var claims = Jwt.issuer("convene").subject(subject).upn(subject).groups(Set.of(role)).audience(audiences)
                .issuedAt(issuedAt).expiresAt(issuedAt.plus(lifetime));
        if (org != null) {
            claims.claim("org", org);
        }
        return "Bearer " + claims.sign();
    }

    public static String organizer() {
        return bearer("organizer", "olivia.organizer@example.com");
    }
}
