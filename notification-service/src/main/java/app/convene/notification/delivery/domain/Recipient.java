package app.convene.notification.delivery.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One entry of an event's distribution list: a person (e-mail) or a system (signed webhook) in an audience. */
@Entity
@Table(name = "recipient")
public class Recipient extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Audience audience;
    @Column(nullable = false)
    public String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;
    /** An e-mail address or a webhook URL. */
    @Column(nullable = false)
    public String address;
    /** The Standard Webhooks secret, encrypted ({@code v1:<base64>}, see {@code WebhookSecrets}); only for webhooks. */
    @Column(name = "webhook_secret")
    public String webhookSecret;
    /** The secret in clear, only on the instance that created it, for the answer to its creation. */
    @Transient
    public String issuedSecret;
    @Column(nullable = false)
    public String locale;
    @Column(nullable = false)
    public boolean active;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    /** Failed attempts in a row (webhooks); reset by a success. */
    @Column(name = "consecutive_failures", nullable = false)
    public int consecutiveFailures;
    /** While in the future the circuit is open and the recipient's deliveries wait; past it, one trial is sent. */
    @Column(name = "circuit_open_until")
    public Instant circuitOpenUntil;

    public enum Circuit {
        CLOSED, OPEN, HALF_OPEN
    }

    /** The circuit as of {@code now}: OPEN while waiting, HALF_OPEN when a trial may go, CLOSED otherwise. */
    public Circuit circuit(Instant now) {
        if (circuitOpenUntil == null) {
            return Circuit.CLOSED;
        }
        return circuitOpenUntil.isAfter(now) ? Circuit.OPEN : Circuit.HALF_OPEN;
    }
}
