package app.convene.notification.briefing.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.convene.backbone.access.EventAccessGuard;
import app.convene.backbone.event.EventAccess;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.notification.briefing.domain.Briefing;
import app.convene.notification.delivery.domain.Delivery;
import app.convene.notification.digest.domain.EventDigest;
import app.convene.notification.briefing.domain.BriefingFacts;
import app.convene.notification.digest.service.BriefingPlanner;

/**
 * What the organisation's staff read about an event's briefings, each read passing the event's access rule: staff of
 * the event's organisation who may see the event (members only, when it is confidential). Facility reads briefings
 * without their budget: the budget section and every figure in it are left out for a caller who holds the facility
 * role and neither the organizer nor the finance role, unless they are a member of the event.
 */
@ApplicationScoped
public class BriefingReader {
    @Inject
    EventAccessGuard guard;
    @Inject
    Caller caller;
    @Inject
    BriefingPlanner planner;
    @Inject
    FactsAssembler facts;
    @Inject
    BriefingRenderer renderer;

    /** The event's digest and briefings; {@code budgetVisible} false for facility. */
    public record EventBriefings(EventDigest digest, List<Briefing> briefings, boolean budgetVisible) {
    }

    /** A briefing with its facts as they stand now, the budget left out for facility. */
    public record Shown(Briefing briefing, BriefingFacts facts) {
    }

    public EventBriefings briefings(UUID eventId) {
        EventAccess access = guard.read(eventId);
        BriefingPlanner.EventBriefings found = planner.briefings(eventId);
        return new EventBriefings(found.digest(), found.briefings(), seesBudget(access));
    }

    public Shown briefing(UUID eventId, UUID briefingId) {
        EventAccess access = guard.read(eventId);
        Briefing briefing = ofEvent(eventId, briefingId);
        BriefingFacts assembled = facts.assemble(planner.existing(eventId));
        return new Shown(briefing, seesBudget(access) ? assembled : assembled.withoutBudget());
    }

    public BriefingRenderer.Rendered rendered(UUID eventId, UUID briefingId, String language) {
        Shown shown = briefing(eventId, briefingId);
        return renderer.briefing(shown.briefing().kind, shown.facts(), language, false, null);
    }

    /** The deliveries of a briefing and of its reminders, oldest first. */
    public List<Delivery> deliveries(UUID eventId, UUID briefingId) {
        guard.read(eventId);
        ofEvent(eventId, briefingId);
        return Delivery.list("briefingId = ?1 order by createdAt, id", briefingId);
    }

    /** Members of the event, organizers and finance see the budget; facility does not. */
    boolean seesBudget(EventAccess access) {
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
