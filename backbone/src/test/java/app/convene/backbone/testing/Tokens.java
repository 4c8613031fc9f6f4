package app.convene.backbone.testing;

import java.time.Duration;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/** Bearer tokens signed with the test key, as the identity provider would issue them. */
public final class Tokens {
    /** The organisation of every token that does not name another. */
    public static final String ORGANISATION = "acme";

    private Tokens() {
    }

    public static String bearer(String role, String subject) {
        return bearer(role, subject, ORGANISATION);
    }

    /** A token of {@code subject} with {@code role} in organisation {@code org}; no {@code org} claim when null. */
    public static String bearer(String role, String subject, String org) {
        var claims = Jwt.issuer("convene").subject(subject).upn(subject).groups(Set.of(role));
        if (org != null) {
            claims.claim("org", org);
        }
        return "Bearer " + claims.expiresIn(Duration.ofHours(1)).sign();
    }

    public static String organizer() {
        return bearer("organizer", "olivia.organizer@example.com");
    }
}
