package app.convene.notification.briefing.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.access.EventAccessGuard;
import app.convene.backbone.event.EventAccess;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.notification.briefing.domain.Briefing;
import app.convene.notification.briefing.domain.BriefingFacts;
import app.convene.notification.briefing.domain.PostEventFacts;
import app.convene.notification.delivery.service.BriefingDispatcher;
import app.convene.notification.digest.domain.EventDigest;
import app.convene.notification.digest.service.EventDigests;

/**
 * An event's briefings as the organisation's staff read them, and briefings generated on request. Each read passes
 * the event's access rule: staff of the event's organisation who may see the event (members only, when it is
 * confidential). Facility reads briefings without their budget: the budget section and every figure in it are left
 * out for a caller who holds the facility role and neither the organizer nor the finance role, unless they are a
 * member of the event.
 */
@ApplicationScoped
public class Briefings {
    @Inject
    EventAccessGuard guard;
    @Inject
    Caller caller;
    @Inject
    EventDigests digests;
    @Inject
    BriefingSchedules schedules;
    @Inject
    FactsAssembler facts;
    @Inject
    BriefingRenderer renderer;
    @Inject
    BriefingDispatcher dispatcher;
    @Inject
    Clock clock;
    @Inject
    PostEventRenderer postEvent;

    /** A briefing with its facts as they stand now, the budget left out for facility. */
    public record Shown(Briefing briefing, BriefingFacts facts, PostEventFacts postEvent) {
        public Shown(Briefing briefing, BriefingFacts facts) {
            this(briefing, facts, null);
        }
    }

    /** The event's digest and briefings; without the budget for facility. */
    public EventBriefings overview(UUID eventId) {
        EventAccess access = guard.read(eventId);
        return schedules.overview(digests.existing(eventId), seesBudget(access));
    }

    public Shown briefing(UUID eventId, UUID briefingId) {
        EventAccess access = guard.read(eventId);
        Briefing briefing = ofEvent(eventId, briefingId);
        BriefingFacts assembled = facts.assemble(digests.existing(eventId));
        BriefingFacts shown = seesBudget(access) ? assembled : assembled.withoutBudget();
        return new Shown(briefing, shown, briefing.kind == Briefing.Kind.POST_EVENT ? postEvent.facts(shown) : null);
    }

    /** The briefing rendered in {@code language} (HTML and text), as {@link #briefing} shows it. */
    public Rendered rendered(UUID eventId, UUID briefingId, String language) {
        Shown shown = briefing(eventId, briefingId);
        return renderer.briefing(shown.briefing().kind, shown.facts(), language, false, null);
    }

    /** A briefing assembled and sent now, outside the schedule, by a member of the event; shown as sent. */
    @Transactional
    public Shown generate(UUID eventId, Briefing.Kind kind) {
        guard.change(eventId);
        String requestedBy = caller.subject();
        EventDigest digest = digests.lockExisting(eventId);
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
        // Only members generate briefings, and members see the budget.
        BriefingFacts sent = dispatcher.dispatch(briefing);
        return new Shown(briefing, sent, kind == Briefing.Kind.POST_EVENT ? postEvent.facts(sent) : null);
    }

    /** Members of the event, organizers and finance see the budget; facility does not. */
    private boolean seesBudget(EventAccess access) {
        return access.isMember(caller.subject()) || caller.hasRole(Roles.ORGANIZER) || caller.hasRole(Roles.FINANCE);
    }

    /** The briefing, when it is one of this event's; another event's (or organisation's) briefing is not found. */
    public static Briefing ofEvent(UUID eventId, UUID briefingId) {
        Briefing briefing = Briefing.findById(briefingId);
        if (briefing == null || !briefing.eventId.equals(eventId)) {
            throw ProblemException.notFound("briefing", briefingId);
        }
        return briefing;
    }
}
