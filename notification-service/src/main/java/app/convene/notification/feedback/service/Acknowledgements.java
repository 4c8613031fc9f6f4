package app.convene.notification.feedback.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import app.convene.backbone.access.EventAccessGuard;
import app.convene.backbone.event.NotificationEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.notification.briefing.domain.Briefing;
import app.convene.notification.delivery.domain.Delivery;
import app.convene.notification.digest.domain.EventDigest;
import app.convene.notification.delivery.domain.Recipient;
import app.convene.notification.briefing.domain.BriefingFacts;
import app.convene.notification.briefing.service.BriefingReader;
import app.convene.notification.briefing.service.BriefingRenderer;
import app.convene.notification.briefing.service.FactsAssembler;
import app.convene.notification.delivery.service.BriefingDispatcher;
import app.convene.notification.delivery.service.Deliveries;

/** Who has read a briefing: acknowledgements by personal link or through the API, and reminders to the rest. */
@ApplicationScoped
public class Acknowledgements {
    @Inject
    EntityManager entityManager;
    @Inject
    Clock clock;
    @Inject
    Outbox outbox;
    @Inject
    FactsAssembler facts;
    @Inject
    BriefingRenderer renderer;
    @Inject
    Deliveries deliveries;
    @Inject
    app.convene.notification.config.DeliveryConfig config;
    @Inject
    EventAccessGuard guard;
    @Inject
    Caller caller;

    public record Acknowledged(UUID briefingId, UUID recipientId, Instant acknowledgedAt, boolean first) {
    }

    public record Entry(UUID recipientId, String name, String address, String audience, Instant acknowledgedAt) {
    }

    public record Report(UUID briefingId, List<Entry> acknowledged, List<Entry> pending) {
    }

    /** Through the personal link: the token names the briefing and the recipient. */
    @Transactional
    public Acknowledged byLink(String token) {
        // Links carry base64url tokens; anything else was never sent and is not looked up.
        Delivery delivery = token == null || !token.matches("[A-Za-z0-9_-]{1,64}") ? null
                : Delivery.find("ackToken", token).firstResult();
        if (delivery == null || delivery.briefingId == null) {
            throw ProblemException.notFound("acknowledgement link", "given");
        }
        return acknowledge(delivery.briefingId, delivery.recipientId, "LINK");
    }

    /**
     * Through the API: the caller, who may read the event, is the recipient whose e-mail address is their token's
     * subject.
     */
    @Transactional
    public Acknowledged byCaller(UUID eventId, UUID briefingId) {
        guard.read(eventId);
        BriefingReader.ofEvent(eventId, briefingId);
        String callerEmail = caller.subject();
        Delivery delivery = callerEmail == null ? null : Delivery.find(
                "briefingId = ?1 and channel = ?2 and lower(address) = ?3", briefingId,
                app.convene.notification.delivery.domain.Channel.EMAIL, callerEmail.toLowerCase(Locale.ROOT)).firstResult();
        if (delivery == null) {
            throw new ProblemException(403, "not-a-recipient", "Forbidden",
                    callerEmail + " did not receive briefing " + briefingId);
        }
        return acknowledge(briefingId, delivery.recipientId, "API");
    }

    private Acknowledged acknowledge(UUID briefingId, UUID recipientId, String via) {
        Instant now = clock.instant();
        int inserted = entityManager.createNativeQuery("""
                insert into acknowledgement (briefing_id, recipient_id, acknowledged_at, via) values (:b, :r, :t, :v)
                on conflict do nothing""")
                .setParameter("b", briefingId).setParameter("r", recipientId).setParameter("t", now)
                .setParameter("v", via).executeUpdate();
        if (inserted == 0) {
            Instant at = (Instant) entityManager.createNativeQuery(
                    "select acknowledged_at from acknowledgement where briefing_id = :b and recipient_id = :r",
                    Instant.class).setParameter("b", briefingId).setParameter("r", recipientId).getSingleResult();
            return new Acknowledged(briefingId, recipientId, at, false);
        }
        Briefing briefing = Briefing.findById(briefingId);
        outbox.append(NotificationEvents.BRIEFING_ACKNOWLEDGED, NotificationEvents.AGGREGATE, briefing.eventId,
                new NotificationEvents.BriefingAcknowledged(briefing.eventId, briefingId, recipientId, now));
        return new Acknowledged(briefingId, recipientId, now, true);
    }

    /** Everyone the briefing was sent to, split by whether they acknowledged it; for those who may read the event. */
    public Report report(UUID eventId, UUID briefingId) {
        guard.read(eventId);
        BriefingReader.ofEvent(eventId, briefingId);
        return reportOf(briefingId);
    }

    @SuppressWarnings("unchecked")
    private Report reportOf(UUID briefingId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select r.id, r.name, r.address, r.audience, a.acknowledged_at
                from recipient r
                left join acknowledgement a on a.recipient_id = r.id and a.briefing_id = :b
                where r.id in (select recipient_id from delivery where briefing_id = :b and purpose = 'BRIEFING')
                order by r.name, r.id""").setParameter("b", briefingId).getResultList();
        List<Entry> acknowledged = new ArrayList<>();
        List<Entry> pending = new ArrayList<>();
        for (Object[] row : rows) {
            Entry entry = new Entry((UUID) row[0], (String) row[1], (String) row[2], (String) row[3],
                    toInstant(row[4]));
            (entry.acknowledgedAt() == null ? pending : acknowledged).add(entry);
        }
        return new Report(briefingId, acknowledged, pending);
    }

    /** Reminds now, on request of a member of the event (owner, co-organizer, delegate); returns how many. */
    @Transactional
    public int remindNow(UUID eventId, UUID briefingId) {
        guard.change(eventId);
        return remind(eventId, briefingId);
    }

    /** A reminder, with a new personal link, to each recipient who has not acknowledged yet; returns how many. */
    private int remind(UUID eventId, UUID briefingId) {
        Briefing briefing = BriefingReader.ofEvent(eventId, briefingId);
        if (briefing.status != Briefing.Status.SENT) {
            throw ProblemException.conflict("briefing-not-sent",
                    "briefing " + briefingId + " is " + briefing.status + "; only a sent briefing can be reminded of");
        }
        briefing.remindedAt = clock.instant();
        Report report = reportOf(briefingId);
        BriefingFacts assembled = facts.assemble(EventDigest.findById(eventId));
        for (Entry entry : report.pending()) {
            Recipient recipient = Recipient.findById(entry.recipientId());
            if (!recipient.active) {
                continue;
            }
            String token = Deliveries.newToken();
            String url = deliveries.acknowledgeUrl(token);
            BriefingFacts sent = assembled.forAudience(recipient.audience);
            BriefingRenderer.Rendered rendered = renderer.briefing(briefing.kind, sent, recipient.locale, true,
                    url);
            deliveries.create(recipient, Delivery.Purpose.REMINDER, briefingId, null, rendered,
                    BriefingDispatcher.webhookPayload(briefing, sent, rendered, url), token);
        }
        return (int) report.pending().stream().filter(e -> Recipient.<Recipient>findById(e.recipientId()).active)
                .count();
    }

    /**
     * Reminds, once, the pending recipients of every briefing sent more than {@code delivery.remind-after} ago and not
     * reminded yet; the briefing row is claimed with {@code FOR UPDATE SKIP LOCKED} so two passes never both remind.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public int remindOverdue() {
        List<Object[]> due = entityManager.createNativeQuery("""
                select id, event_id from briefing where status = 'SENT' and reminded_at is null and sent_at <= :before
                order by sent_at limit 20 for update skip locked""")
                .setParameter("before", clock.instant().minus(config.remindAfter())).getResultList();
        for (Object[] row : due) {
            remind((UUID) row[1], (UUID) row[0]);
        }
        return due.size();
    }

    private static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
