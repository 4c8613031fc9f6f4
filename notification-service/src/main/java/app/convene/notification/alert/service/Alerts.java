package app.convene.notification.alert.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.NotificationEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.notification.alert.domain.Alert;
import app.convene.notification.alert.persistence.AlertRepository;
import app.convene.notification.briefing.domain.ReaderFormat;
import app.convene.notification.briefing.service.Rendered;
import app.convene.notification.delivery.domain.Delivery;
import app.convene.notification.delivery.domain.Recipient;
import app.convene.notification.delivery.persistence.RecipientRepository;
import app.convene.notification.delivery.service.Deliveries;
import app.convene.notification.digest.domain.EventDigest;

/** Immediate alerts to the audiences a fact concerns, raised once per fact and delivered like briefings. */
@ApplicationScoped
public class Alerts {
    @Inject
    AlertRepository repository;
    @Inject
    RecipientRepository recipients;
    @Inject
    AlertRenderer renderer;
    @Inject
    Deliveries deliveries;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    /**
     * Raises the alert for the event, unless the same fact was alerted before: one delivery per active recipient of
     * its audiences, in their language, and an alert-raised announcement with the English summary.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void raise(EventDigest digest, Alert alert) {
        UUID alertId = UUID.randomUUID();
        String summary = alert.detail(ReaderFormat.of("en", digest.timeZone), digest.title);
        if (!repository.insertOnce(alertId, digest.eventId, alert.kind(), alert.dedupeKey(), summary,
                clock.instant())) {
            return; // the same fact announced again
        }
        List<Recipient> sentTo = recipients.activeIn(digest.eventId, alert.kind().audiences);
        for (Recipient recipient : sentTo) {
            Rendered rendered = renderer.alert(alert, digest, recipient.locale);
            Map<String, Object> payload = Map.of("type", "alert.raised", "eventId", digest.eventId,
                    "alertId", alertId, "kind", alert.kind().name(), "subject", rendered.subject(), "text",
                    rendered.text());
            deliveries.create(recipient, Delivery.Purpose.ALERT, null, alertId, rendered, payload, null);
        }
        outbox.append(NotificationEvents.ALERT_RAISED, NotificationEvents.AGGREGATE, digest.eventId,
                new NotificationEvents.AlertRaised(digest.eventId, alertId, alert.kind().name(), summary,
                        sentTo.size()));
    }
}
