package app.convene.backbone.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Outside the dev and test profiles a service refuses to start unless a token verification key is configured:
 * without one every protected endpoint would answer 401, or worse, a forgotten dev key would be trusted.
 */
@Singleton
public class VerificationKeyGuard {

    // Runs before every other start-up observer, so nothing (e.g. the outbox relay) starts before the check.
    void check(@Observes @Priority(1) StartupEvent event, Config config) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        boolean devProfile = ConfigUtils.getProfiles().stream().anyMatch(p -> p.equals("dev") || p.equals("test"));
        if (devProfile) {
            return;
        }
        boolean configured = config.getOptionalValue("mp.jwt.verify.publickey", String.class).isPresent()
                || config.getOptionalValue("mp.jwt.verify.publickey.location", String.class).isPresent();
        if (!configured) {
            throw new IllegalStateException("No token verification key is configured: set MP_JWT_VERIFY_PUBLICKEY_LOCATION "
                    + "(a PEM or JWKS file or URL) or MP_JWT_VERIFY_PUBLICKEY before starting the service");
        }
    }
}
