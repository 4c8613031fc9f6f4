package app.convene.notification.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The key webhook secrets are encrypted with at rest. */
@ConfigMapping(prefix = "notification.secrets")
public interface SecretsConfig {
    /** Base64 of 32 random bytes (AES-256-GCM); required outside dev and test. */
    Optional<String> key();
}
