package app.convene.notification.delivery.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One message to one recipient, rendered once and retried with backoff until DELIVERED or FAILED; IN_FLIGHT while a
 * sender holds it (until {@link #leaseUntil}). Its claims and outcomes write only the columns they change, not the
 * rendered message again.
 */
@Entity
@Table(name = "delivery")
@DynamicUpdate
public class Delivery extends PanacheEntityBase {
    public enum Purpose {
        BRIEFING, REMINDER, ALERT,
        /** Mail to an attendee about their registration (no recipient: the registration is the addressee). */
        ATTENDEE,
        /** Mail to a venue's partner contact (no recipient, maybe no event: the contact is the addressee). */
        PARTNER,
        /** Approved minutes to a recipient of the meeting's distribution list (one per recipient and revision). */
        MINUTES
    }

    public enum Status {
        PENDING, IN_FLIGHT, DELIVERED, FAILED
    }

    @Id
    public UUID id;
    /** Null only for PARTNER mail (about a venue). */
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "briefing_id")
    public UUID briefingId;
    @Column(name = "alert_id")
    public UUID alertId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Purpose purpose;
    /** Null for ATTENDEE mail. */
    @Column(name = "recipient_id")
    public UUID recipientId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;
    @Column(nullable = false)
    public String address;
    @Column(nullable = false)
    public String subject;
    @Column(name = "body_text", nullable = false)
    public String bodyText;
    @Column(name = "body_html")
    public String bodyHtml;
    @Column(name = "webhook_payload")
    public String webhookPayload;
    /** The SHA-256 (hex) of the recipient's personal acknowledgement link's token (briefings and reminders). */
    @Column(name = "ack_token")
    public String ackToken;
    /** When the personal acknowledgement link stops working. */
    @Column(name = "ack_expires_at")
    public Instant ackExpiresAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    public int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    /** While IN_FLIGHT: when the claim runs out (wall-clock time) and another sender may take the delivery. */
    @Column(name = "lease_until")
    public Instant leaseUntil;
    /** While IN_FLIGHT: the claim, so only its sender records the outcome. */
    @Column(name = "claimed_by")
    public UUID claimedBy;
    /**
     * When the mail server accepted this e-mail, noted by its sender at once (before the outcomes of its batch are
     * recorded); null until then, and for webhooks.
     */
    @Column(name = "accepted_at")
    public Instant acceptedAt;
    /** ATTENDEE only: the registration the mail is about; with the kind and fact, the mail's unique key. */
    @Column(name = "registration_id")
    public UUID registrationId;
    @Column(name = "mail_kind")
    public String mailKind;
    @Column(name = "mail_fact")
    public String mailFact;
    /** PARTNER only: the organisation the contact belongs to, the contact (with kind and fact, the unique key). */
    public String organisation;
    @Column(name = "partner_contact_id")
    public UUID partnerContactId;
    @Column(name = "venue_id")
    public UUID venueId;
    /** An attendee's ticket code, sent with a confirmation as a QR code image (ticket.png). */
    @Column(name = "ticket_code")
    public String ticketCode;
    /** An iCalendar object (RFC 5545) sent as a text/calendar attachment, its METHOD as the part's method. */
    public String calendar;
}
