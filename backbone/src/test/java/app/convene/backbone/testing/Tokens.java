package app.convene.backbone.testing;

import java.time.Duration;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/** Bearer tokens signed with the test key, as the identity provider would issue them. */
public final class Tokens {
    private Tokens() {
    }

    public static String bearer(String role, String subject) {
        return "Bearer " + Jwt.issuer("convene").subject(subject).upn(subject).groups(Set.of(role))
                .expiresIn(Duration.ofHours(1)).sign();
    }

    public static String organizer() {
        return bearer("organizer", "olivia.organizer@example.com");
    }
}
