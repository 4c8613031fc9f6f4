package app.convene.notification.delivery.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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
    /** Standard Webhooks secret ({@code whsec_<base64>}); only for webhooks. */
    @Column(name = "webhook_secret")
    public String webhookSecret;
    @Column(nullable = false)
    public String locale;
    @Column(nullable = false)
    public boolean active;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
