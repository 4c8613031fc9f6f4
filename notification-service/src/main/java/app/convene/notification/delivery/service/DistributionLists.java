package app.convene.notification.delivery.service;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.access.EventAccessGuard;
import app.convene.backbone.problem.ProblemException;
import app.convene.notification.delivery.domain.Audience;
import app.convene.notification.delivery.domain.Channel;
import app.convene.notification.delivery.domain.Recipient;
import app.convene.notification.delivery.persistence.RecipientRepository;
import app.convene.notification.digest.service.EventDigests;

/**
 * An event's distribution lists: who, in which audience, receives its briefings and alerts, and how. Staff who may
 * see the event read them; only its owner, co-organizers and delegates change them.
 */
@ApplicationScoped
public class DistributionLists {
    @Inject
    RecipientRepository recipients;
    @Inject
    EventDigests digests;
    @Inject
    EventAccessGuard guard;
    @Inject
    Clock clock;
    @Inject
    WebhookSecrets secrets;
    @Inject
    WebhookAddresses webhookAddresses;

    /**
     * For one who may change the event's lists (403/404 otherwise, first, so nobody else learns how an address
     * resolves): a 400 unless a webhook's URL is https (unless allowed otherwise) and its host resolves to allowed
     * addresses only. Looks the host up: call it outside any transaction.
     */
    public void requireDeliverable(UUID eventId, Channel channel, String address) {
        guard.change(eventId);
        if (channel == Channel.WEBHOOK) {
            webhookAddresses.requireAllowed("address", address.trim());
        }
    }

    /** Adds the recipient; a webhook's new secret is on the returned instance ({@code issuedSecret}) only. */
    @Transactional
    public Recipient add(UUID eventId, Audience audience, String name, Channel channel, String address,
            String language) {
        guard.change(eventId);
        // The event's digest row is locked so two concurrent additions of one address cannot both pass the check.
        digests.lockExisting(eventId);
        String normalised = channel == Channel.EMAIL ? address.trim().toLowerCase(Locale.ROOT) : address.trim();
        if (recipients.isOnList(eventId, audience, channel, normalised.toLowerCase(Locale.ROOT))) {
            throw ProblemException.conflict("already-on-list",
                    normalised + " is already on the " + audience + " list of event " + eventId);
        }
        Recipient recipient = new Recipient();
        recipient.id = UUID.randomUUID();
        recipient.eventId = eventId;
        recipient.audience = audience;
        recipient.name = name.trim();
        recipient.channel = channel;
        recipient.address = normalised;
        if (channel == Channel.WEBHOOK) {
            recipient.issuedSecret = WebhookSigner.newSecret();
            recipient.webhookSecret = secrets.seal(recipient.id, recipient.issuedSecret);
        }
        recipient.locale = language == null ? "en" : language;
        recipient.active = true;
        recipient.createdAt = clock.instant();
        recipient.persist();
        return recipient;
    }

    public List<Recipient> list(UUID eventId) {
        guard.read(eventId);
        digests.existing(eventId);
        return recipients.activeFor(eventId);
    }

    /** One recipient on the list, for staff who may see the event; one taken off or of another event is a 404. */
    public Recipient find(UUID eventId, UUID recipientId) {
        guard.read(eventId);
        digests.existing(eventId);
        Recipient recipient = Recipient.findById(recipientId);
        if (recipient == null || !recipient.eventId.equals(eventId) || !recipient.active) {
            throw ProblemException.notFound("recipient", recipientId);
        }
        return recipient;
    }

    /**
     * Changes a recipient on the list: name, address (not one already on that list; a webhook keeps its secret) and
     * language. Its audience and channel stay. A new webhook address is checked first with
     * {@link #requireDeliverable}, outside the transaction.
     */
    @Transactional
    public Recipient change(UUID eventId, UUID recipientId, String name, String address, String language) {
        guard.change(eventId);
        digests.lockExisting(eventId);
        Recipient recipient = Recipient.findById(recipientId);
        if (recipient == null || !recipient.eventId.equals(eventId) || !recipient.active) {
            throw ProblemException.notFound("recipient", recipientId);
        }
        if (address != null) {
            String normalised = recipient.channel == Channel.EMAIL ? address.trim().toLowerCase(Locale.ROOT)
                    : address.trim();
            if (!normalised.equalsIgnoreCase(recipient.address) && recipients.isOnList(eventId, recipient.audience,
                    recipient.channel, normalised.toLowerCase(Locale.ROOT))) {
                throw ProblemException.conflict("already-on-list",
                        normalised + " is already on the " + recipient.audience + " list of event " + eventId);
            }
            recipient.address = normalised;
        }
        if (name != null) {
            recipient.name = name.trim();
        }
        if (language != null) {
            recipient.locale = language;
        }
        return recipient;
    }

    /** Taken off the list; past deliveries and acknowledgements keep referring to it. */
    @Transactional
    public void remove(UUID eventId, UUID recipientId) {
        guard.change(eventId);
        Recipient recipient = Recipient.findById(recipientId);
        if (recipient == null || !recipient.eventId.equals(eventId) || !recipient.active) {
            throw ProblemException.notFound("recipient", recipientId);
        }
        recipient.active = false;
    }
}
