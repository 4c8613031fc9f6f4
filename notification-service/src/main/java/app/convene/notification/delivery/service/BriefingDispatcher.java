package app.convene.notification.delivery.service;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
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
import app.convene.notification.briefing.service.BriefingRenderer;
import app.convene.notification.briefing.service.FactsAssembler;
import app.convene.notification.digest.service.BriefingPlanner;

/**
 * Turns due briefings into deliveries. A due briefing is claimed with {@code FOR UPDATE SKIP LOCKED} and marked SENT
 * in the same transaction that creates its deliveries and the briefing-sent event, so two dispatchers (or a restart
 * half-way) can neither send it twice nor lose it: either all of it committed, or it is still SCHEDULED.
 */
@ApplicationScoped
public class BriefingDispatcher {
    @Inject
    EntityManager entityManager;
    @Inject
    Clock clock;
    @Inject
    FactsAssembler facts;
    @Inject
    BriefingRenderer renderer;
    @Inject
    Deliveries deliveries;
    @Inject
    Outbox outbox;
    @Inject
    BriefingPlanner planner;
    @Inject
    EventAccessGuard guard;
    @Inject
    Caller caller;

    /** Sends every briefing due now; returns how many. */
    @Transactional
    @SuppressWarnings("unchecked")
    public int dispatchDue() {
        List<UUID> due = entityManager.createNativeQuery("""
                select id from briefing where status = 'SCHEDULED' and due_at <= :now
                order by due_at limit 20 for update skip locked""")
                .setParameter("now", clock.instant()).getResultList();
        for (UUID id : due) {
            dispatch(Briefing.findById(id));
        }
        return due.size();
    }

    /** A briefing assembled and sent now, outside the schedule, by a member of the event. */
    @Transactional
    public Briefing generate(UUID eventId, Briefing.Kind kind) {
        guard.change(eventId);
        String requestedBy = caller.subject();
        EventDigest digest = EventDigest.findById(eventId, LockModeType.PESSIMISTIC_WRITE);
        if (digest == null) {
            throw ProblemException.notFound("event", eventId);
        }
        if (!digest.scheduled()) {
            throw ProblemException.conflict("event-not-scheduled",
                    "event " + eventId + " has no schedule yet; registration has not announced it");
        }
        Briefing briefing = new Briefing();
        briefing.id = UUID.randomUUID();
        briefing.eventId = eventId;
        briefing.kind = kind;
        briefing.dueAt = clock.instant();
        briefing.status = Briefing.Status.SCHEDULED;
        briefing.onDemand = true;
        briefing.requestedBy = requestedBy;
        briefing.persist();
        dispatch(briefing);
        return briefing;
    }

    private void dispatch(Briefing briefing) {
        EventDigest digest = EventDigest.findById(briefing.eventId);
        BriefingFacts assembled = facts.assemble(digest);
        List<Recipient> recipients = Recipient.activeIn(briefing.eventId, briefing.audiences());
        for (Recipient recipient : recipients) {
            String token = Deliveries.newToken();
            String ackUrl = deliveries.acknowledgeUrl(token);
            BriefingFacts sent = assembled.forAudience(recipient.audience);
            BriefingRenderer.Rendered rendered = renderer.briefing(briefing.kind, sent, recipient.locale, false,
                    ackUrl);
            deliveries.create(recipient, Delivery.Purpose.BRIEFING, briefing.id, null, rendered,
                    webhookPayload(briefing, sent, rendered, ackUrl), token);
        }
        briefing.status = Briefing.Status.SENT;
        briefing.sentAt = clock.instant();
        outbox.append(NotificationEvents.BRIEFING_SENT, NotificationEvents.AGGREGATE, briefing.eventId,
                new NotificationEvents.BriefingSent(briefing.eventId, briefing.id, briefing.kind.name(),
                        briefing.sentAt, recipients.size()));
    }

    public static Map<String, Object> webhookPayload(Briefing briefing, BriefingFacts facts,
            BriefingRenderer.Rendered rendered, String ackUrl) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "briefing.sent");
        payload.put("eventId", briefing.eventId);
        payload.put("briefingId", briefing.id);
        payload.put("kind", briefing.kind.name());
        payload.put("subject", rendered.subject());
        payload.put("text", rendered.text());
        payload.put("acknowledgeUrl", ackUrl);
        payload.put("facts", facts);
        return payload;
    }
}
