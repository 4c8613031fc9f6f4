package app.convene.backbone.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.smallrye.jwt.util.ResourceUtils;

/** What a packaged service (prod profile) decides about its token verification key before anything else starts. */
class VerificationKeyGuardTest {
    private static final String DEV_KEY_LOCATION = "dev-keys/jwt-public.pem";

    @Test
    void aPackagedServiceWithTheDevelopmentKeyAndNoLocalStackFlagIsRefused() {
        Optional<String> refusal = VerificationKeyGuard.refusal(Optional.empty(), Optional.of(DEV_KEY_LOCATION), false,
                VerificationKeyGuardTest::read);
        assertThat(refusal).hasValueSatisfying(reason -> assertThat(reason).contains("development key")
                .contains("CONVENE_LOCAL_STACK=true"));
    }

    @Test
    void theLocalStackMayUseTheDevelopmentKey() {
        assertThat(VerificationKeyGuard.refusal(Optional.empty(), Optional.of(DEV_KEY_LOCATION), true,
                VerificationKeyGuardTest::read)).isEmpty();
    }

    @Test
    void theDevelopmentKeyIsRecognisedInline() {
        String pem = read(DEV_KEY_LOCATION);
        String bare = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        assertThat(VerificationKeyGuard.refusal(Optional.of(bare), Optional.empty(), false, l -> null)).isPresent();
        String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"e\":\"AQAB\",\"n\":\"" + VerificationKeyGuard.DEVELOPMENT_MODULUS
                + "\"}]}";
        assertThat(VerificationKeyGuard.refusal(Optional.empty(), Optional.of("/etc/keys.jwks"), false,
                Map.of("/etc/keys.jwks", jwks)::get)).isPresent();
    }

    @Test
    void anotherKeyIsAccepted() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        assertThat(VerificationKeyGuard.refusal(Optional.empty(), Optional.of("/etc/idp.pem"), false,
                Map.of("/etc/idp.pem", pem)::get)).isEmpty();
        assertThat(VerificationKeyGuard.refusal(Optional.of(pem), Optional.empty(), false, l -> null)).isEmpty();
    }

    @Test
    void noKeyAtAllIsRefused() {
        assertThat(VerificationKeyGuard.refusal(Optional.empty(), Optional.empty(), true, l -> null))
                .hasValueSatisfying(reason -> assertThat(reason).contains("No token verification key is configured"));
    }

    private static String read(String location) {
        try {
            return ResourceUtils.readResource(location);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
