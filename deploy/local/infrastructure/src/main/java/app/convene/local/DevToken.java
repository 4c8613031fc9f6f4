package app.convene.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/**
 * Prints a bearer token for the local stack: RS256, issuer {@code convene}, {@code sub} and {@code upn} set to the
 * subject, {@code groups} holding the role, {@code aud} naming the four services, valid 12 hours. Only the token
 * goes to standard output.
 *
 * <p>Usage: {@code DevToken ROLE [SUBJECT]}; the subject defaults to {@code <role>@example.com}. The signing key is
 * the development key of the repository, or the PKCS#8 PEM file named by {@code convene.jwt.private-key} /
 * {@code CONVENE_JWT_PRIVATE_KEY}.
 */
public final class DevToken {
    static final List<String> ROLES = List.of("organizer", "finance", "facility", "attendee", "operator",
            "privacy-officer", "administrator");
    private static final String ISSUER = "convene";
    private static final Duration LIFETIME = Duration.ofHours(12);
    static final String DEFAULT_ORGANISATION = "acme";
    /** Every service checks that it is among a token's audiences. */
    static final Set<String> AUDIENCES = Set.of("convene-registration", "convene-budget", "convene-venue",
            "convene-notification");

    private DevToken() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: DevToken ROLE [SUBJECT] [ORG]   (ROLE: " + String.join(", ", ROLES) + ")");
            System.exit(2);
        }
        String role = args[0].trim().toLowerCase(Locale.ROOT);
        if (!ROLES.contains(role)) {
            System.err.println("unknown role '" + args[0] + "'; expected one of " + String.join(", ", ROLES));
            System.exit(2);
        }
        String subject = args.length >= 2 && !args[1].isBlank() ? args[1].trim() : role + "@example.com";
        String organisation = args.length == 3 && !args[2].isBlank() ? args[2].trim() : DEFAULT_ORGANISATION;
        Path keyFile = Settings.path("convene.jwt.private-key", "CONVENE_JWT_PRIVATE_KEY",
                "backbone/src/test/resources/dev-keys/jwt-private.pem");
        if (!Files.isReadable(keyFile)) {
            System.err.println("signing key not found: " + keyFile);
            System.exit(1);
        }
        PrivateKey key = KeyUtils.decodePrivateKey(Files.readString(keyFile));
        String token = Jwt.issuer(ISSUER)
                .subject(subject)
                .upn(subject)
                .groups(Set.of(role))
                .claim("org", organisation)
                .audience(AUDIENCES)
                .expiresIn(LIFETIME)
                .sign(key);
        System.out.println(token);
    }
}
