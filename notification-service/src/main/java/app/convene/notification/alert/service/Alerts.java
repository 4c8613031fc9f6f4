package app.convene.notification.alert.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.NotificationEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.notification.delivery.domain.Audience;
import app.convene.notification.delivery.domain.Delivery;
import app.convene.notification.digest.domain.EventDigest;
import app.convene.notification.delivery.domain.Recipient;
import app.convene.notification.briefing.domain.BriefingFacts;
import app.convene.notification.briefing.service.BriefingRenderer;
import app.convene.notification.delivery.service.Deliveries;

/** Immediate alerts to the audiences a fact concerns, raised once per fact and delivered like briefings. */
@ApplicationScoped
public class Alerts {
    public enum Kind {
        BUDGET_THRESHOLD_EXCEEDED(EnumSet.of(Audience.FINANCE, Audience.ORGANIZERS)),
        SAFETY_AT_RISK(EnumSet.of(Audience.FACILITY, Audience.ORGANIZERS)),
        INSURANCE_EXPIRING(EnumSet.of(Audience.FACILITY)),
        READINESS_LOST(EnumSet.of(Audience.FACILITY, Audience.ORGANIZERS)),
        INSPECTION_FAILED(EnumSet.of(Audience.FACILITY, Audience.ORGANIZERS)),
        EVENT_CANCELLED(EnumSet.allOf(Audience.class));

        public final Set<Audience> audiences;

        Kind(Set<Audience> audiences) {
            this.audiences = audiences;
        }
    }

    /** What an alert reports; the fields a kind does not use are null. */
    public record Facts(String threshold, BigDecimal forecastTotal, BigDecimal limit, String currency, String note,
            Integer expectedHeadcount, Integer safeOccupancy, Instant validTo,
            BriefingFacts.FailedInspection inspection) {
    }

    @Inject
    EntityManager entityManager;
    @Inject
    Outbox outbox;
    @Inject
    Deliveries deliveries;
    @Inject
    BriefingRenderer renderer;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void raise(EventDigest digest, Kind kind, String dedupeKey, Facts facts) {
        UUID alertId = UUID.randomUUID();
        String summary = detail(kind, facts, digest, Locale.ENGLISH);
        int raised = entityManager.createNativeQuery("""
                insert into alert (id, event_id, kind, dedupe_key, summary, raised_at)
                values (:id, :e, :k, :d, :s, :t) on conflict do nothing""")
                .setParameter("id", alertId).setParameter("e", digest.eventId).setParameter("k", kind.name())
                .setParameter("d", truncate(dedupeKey, 300)).setParameter("s", truncate(summary, 2000))
                .setParameter("t", clock.instant()).executeUpdate();
        if (raised == 0) {
            return; // the same fact announced again
        }
        List<Recipient> recipients = Recipient.activeIn(digest.eventId, kind.audiences);
        for (Recipient recipient : recipients) {
            Locale locale = BriefingRenderer.locale(recipient.locale);
            BriefingRenderer.Rendered rendered = renderer.alert(kind.name(), digest.title, digest.startsAt,
                    digest.timeZone, detail(kind, facts, digest, locale), facts.inspection(), recipient.locale);
            Map<String, Object> payload = Map.of("type", "alert.raised", "eventId", digest.eventId,
                    "alertId", alertId, "kind", kind.name(), "subject", rendered.subject(), "text", rendered.text());
            deliveries.create(recipient, Delivery.Purpose.ALERT, null, alertId, rendered, payload, null);
        }
        outbox.append(NotificationEvents.ALERT_RAISED, NotificationEvents.AGGREGATE, digest.eventId,
                new NotificationEvents.AlertRaised(digest.eventId, alertId, kind.name(), summary, recipients.size()));
    }

    /** The numbers of the alert, language-neutral and formatted for the reader. */
    static String detail(Kind kind, Facts f, EventDigest digest, Locale locale) {
        ZoneId zone = BriefingRenderer.zone(digest.timeZone);
        return switch (kind) {
            case BUDGET_THRESHOLD_EXCEEDED -> f.threshold() + ": " + BriefingRenderer.money(f.forecastTotal(),
                    f.currency(), locale) + " > " + BriefingRenderer.money(f.limit(), f.currency(), locale);
            case SAFETY_AT_RISK -> f.expectedHeadcount() + " > " + f.safeOccupancy();
            case INSURANCE_EXPIRING -> f.note() + " — " + BriefingRenderer.dateTime(f.validTo(), zone, locale);
            case READINESS_LOST -> f.note();
            case INSPECTION_FAILED -> inspectionSummary(f.inspection(), zone, locale);
            case EVENT_CANCELLED -> digest.title == null ? "" : digest.title;
        };
    }

    /** E.g. "Fire safety (FIRE_SAFETY), Mar 2, 2027, 10:00 AM: Emergency exits clear (pallets at exit B); Signs". */
    private static String inspectionSummary(BriefingFacts.FailedInspection inspection, ZoneId zone, Locale locale) {
        return inspection.checklistName() + " (" + inspection.category() + "), "
                + BriefingRenderer.dateTime(inspection.inspectedAt(), zone, locale) + ": "
                + String.join("; ", inspection.items().stream().map(item -> item.note() == null ? item.description()
                        : item.description() + " (" + item.note() + ")").toList());
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
