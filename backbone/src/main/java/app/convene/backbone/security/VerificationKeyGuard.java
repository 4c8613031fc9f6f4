package app.convene.backbone.security;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.jwt.util.ResourceUtils;

/**
 * Outside the dev and test profiles a service refuses to start unless a token verification key is configured:
 * without one every protected endpoint would answer 401. It also refuses the development key (whose private half is
 * in the repository, so anyone can sign tokens for it) unless it is told it runs as the local stack
 * ({@code backbone.local-stack=true}, environment {@code CONVENE_LOCAL_STACK=true}).
 */
@Singleton
public class VerificationKeyGuard {
    static final String LOCAL_STACK = "backbone.local-stack";
    /** The RSA modulus of the development key (base64url), as a PEM key or a JWK ("n") would carry it. */
    static final String DEVELOPMENT_MODULUS = "1xeXD1ICWPklkYcMAOKt5qWd41OFVIN8Zq49hkKcGdgHBM6h8d6-7kAg_p4G"
            + "s_lysYejx_cHWC2lJ9U1x84L39CRC1OZLk0wrI_IhutuQe_xdpXC4_yJ70kVr_kvVbebeBSwrzfPy-9OXo58q6TbdXmyxiGp4eGT"
            + "Kv3XzfQsYb0Jk-uKMLWAzUmS7oioxz48lbWIhGlPs9nSaqvGNQnnBhapL5KnsBWg5okBZMmNVO6TaWKZS812aOkfG-v9tHuDnbJ5"
            + "RTNQJ2tSoT5Wr0UYxKT2XQoFG6s3HOqzCvthYNJYFoBEy4xnErwN63P6PdugAMye8uSUXvWdUgsvFJhuFw";

    // Runs before every other start-up observer, so nothing (e.g. the outbox relay) starts before the check.
    void check(@Observes @Priority(1) StartupEvent event, Config config) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        boolean devProfile = ConfigUtils.getProfiles().stream().anyMatch(p -> p.equals("dev") || p.equals("test"));
        if (devProfile) {
            return;
        }
        refusal(config.getOptionalValue("mp.jwt.verify.publickey", String.class),
                config.getOptionalValue("mp.jwt.verify.publickey.location", String.class),
                config.getOptionalValue(LOCAL_STACK, Boolean.class).orElse(false),
                VerificationKeyGuard::read)
                .ifPresent(reason -> {
                    throw new IllegalStateException(reason);
                });
    }

    /**
     * Why a packaged service must not start with this key configuration, if it must not: no key at all, or the
     * development key without {@code localStack}. {@code reader} reads a key location (null when unreadable).
     */
    static Optional<String> refusal(Optional<String> key, Optional<String> location, boolean localStack,
            Function<String, String> reader) {
        if (key.isEmpty() && location.isEmpty()) {
            return Optional.of("No token verification key is configured: set MP_JWT_VERIFY_PUBLICKEY_LOCATION "
                    + "(a PEM or JWKS file or URL) or MP_JWT_VERIFY_PUBLICKEY before starting the service");
        }
        String text = key.orElseGet(() -> reader.apply(location.get()));
        if (!localStack && text != null && isDevelopmentKey(text)) {
            return Optional.of("The token verification key is the development key, whose private half is public: "
                    + "configure your identity provider's key (MP_JWT_VERIFY_PUBLICKEY_LOCATION), or set "
                    + "CONVENE_LOCAL_STACK=true on a local stack");
        }
        return Optional.empty();
    }

    /** Whether a PEM public key, a bare base64 key, a JWK or a JWKS is (or holds) the development key. */
    static boolean isDevelopmentKey(String text) {
        if (text.contains(DEVELOPMENT_MODULUS)) {
            return true;
        }
        String body = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(body);
            var rsa = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            return DEVELOPMENT_MODULUS.equals(base64Url(rsa.getModulus()));
        } catch (IllegalArgumentException | ClassCastException | GeneralSecurityException e) {
            return false;
        }
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A file, classpath resource or URL, as SmallRye JWT reads it; a remote key set is not fetched here. */
    private static String read(String location) {
        if (location.startsWith("http")) {
            return null;
        }
        try {
            return ResourceUtils.readResource(location);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
