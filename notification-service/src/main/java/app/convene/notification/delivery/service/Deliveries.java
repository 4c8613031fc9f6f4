package app.convene.notification.delivery.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.security.Digests;
import app.convene.notification.briefing.service.Rendered;
import app.convene.notification.config.DeliveryConfig;
import app.convene.notification.delivery.domain.Channel;
import app.convene.notification.delivery.domain.Delivery;
import app.convene.notification.delivery.domain.Recipient;

/** Creates deliveries: one rendered message per recipient, sent later (and retried) by {@link DeliverySender}. */
@ApplicationScoped
public class Deliveries {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Clock clock;
    @Inject
    ObjectMapper objectMapper;
    @Inject
    DeliveryConfig config;

    /** A fresh secret for a personal acknowledgement link: 32 random bytes, URL-safe. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What is stored of a link's token: its SHA-256, hex (as PostgreSQL's {@code sha256()} gives it). */
    public static String tokenHash(String token) {
        return Digests.sha256Hex(token);
    }

    /**
     * A subject fit for a mail header: control characters (CR and LF above all, which would start a header of the
     * subject's choosing) and Unicode line separators become one space; at most 500 characters.
     */
    public static String subjectLine(String subject) {
        String line = subject.replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029]+", " ").strip();
        return line.length() > 500 ? line.substring(0, 500) : line;
    }

    public String acknowledgeUrl(String token) {
        return config.publicBaseUrl() + "/api/acknowledgements/" + token;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Delivery create(Recipient recipient, Delivery.Purpose purpose, UUID briefingId, UUID alertId,
            Rendered rendered, Map<String, Object> webhookPayload, String ackToken) {
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        delivery.eventId = recipient.eventId;
        delivery.briefingId = briefingId;
        delivery.alertId = alertId;
        delivery.purpose = purpose;
        delivery.recipientId = recipient.id;
        delivery.channel = recipient.channel;
        delivery.address = recipient.address;
        delivery.subject = subjectLine(rendered.subject());
        delivery.bodyText = rendered.text();
        delivery.bodyHtml = rendered.html();
        if (recipient.channel == Channel.WEBHOOK) {
            try {
                delivery.webhookPayload = objectMapper.writeValueAsString(webhookPayload);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("webhook payload cannot be written", e);
            }
        }
        delivery.ackToken = ackToken == null ? null : tokenHash(ackToken);
        delivery.ackExpiresAt = ackToken == null ? null : clock.instant().plus(config.ackLinkValidity());
        delivery.status = Delivery.Status.PENDING;
        delivery.attempts = 0;
        delivery.nextAttemptAt = clock.instant();
        delivery.createdAt = clock.instant();
        delivery.persist();
        return delivery;
    }
}
