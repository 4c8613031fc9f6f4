package app.convene.notification.delivery.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import app.convene.notification.config.SecretsConfig;
import app.convene.notification.delivery.domain.Recipient;
import app.convene.notification.delivery.persistence.RecipientRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Webhook secrets at rest: AES-256-GCM with the key {@code notification.secrets.key} (base64 of 32 bytes), a fresh
 * 12-byte nonce per secret and the recipient's id as associated data (a sealed secret copied to another row does
 * not open). Stored as {@code v1:<base64 of nonce + ciphertext + tag>}. The service does not start without a valid
 * key; at start it seals every secret still stored in clear (rows written before secrets were encrypted).
 */
@ApplicationScoped
public class WebhookSecrets {
    private static final Logger LOG = Logger.getLogger(WebhookSecrets.class);
    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SecretsConfig config;
    @Inject
    RecipientRepository recipients;

    private volatile SecretKey key;

    /** Refuses to start without a usable key, then seals what is still in clear. */
    void onStart(@Observes StartupEvent start) {
        key();
        int sealed = QuarkusTransaction.requiringNew().call(this::sealSecretsInClear);
        if (sealed > 0) {
            LOG.infof("encrypted %d webhook secret(s) stored in clear", sealed);
        }
    }

    /** The key from its base64 text; an explanation (never the value) when it is missing or not 32 bytes. */
    public static SecretKey parseKey(Optional<String> base64) {
        if (base64.isEmpty() || base64.get().isBlank()) {
            throw new IllegalStateException("notification.secrets.key (NOTIFICATION_SECRETS_KEY) is required: "
                    + "the base64 of 32 random bytes, e.g. from `openssl rand -base64 32`");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.get().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("notification.secrets.key is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("notification.secrets.key must be 32 bytes, not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private SecretKey key() {
        if (key == null) {
            key = parseKey(config.key());
        }
        return key;
    }

    /** The secret encrypted for the recipient's row. */
    public String seal(UUID recipientId, String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(recipientId));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The secret in clear, for signing; one still stored in clear (not yet sealed) is returned as it is. */
    public String open(UUID recipientId, String stored) {
        if (stored.startsWith(WebhookSigner.PREFIX)) {
            return stored;
        }
        if (!stored.startsWith(VERSION)) {
            throw new IllegalStateException("webhook secret of recipient " + recipientId + " is in no known form");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(recipientId));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("webhook secret of recipient " + recipientId
                    + " does not open with the configured key");
        }
    }

    /** Seals every webhook secret still stored in clear; returns how many. */
    @Transactional
    public int sealSecretsInClear() {
        int count = 0;
        for (Recipient recipient : recipients.withSecretInClear()) {
            recipient.webhookSecret = seal(recipient.id, recipient.webhookSecret);
            count++;
        }
        return count;
    }

    private static byte[] associatedData(UUID recipientId) {
        return ("recipient:" + recipientId).getBytes(StandardCharsets.UTF_8);
    }
}
