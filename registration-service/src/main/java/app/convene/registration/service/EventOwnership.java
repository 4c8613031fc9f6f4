package app.convene.registration.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.access.EventAccessGuard;
import app.convene.backbone.access.EventAccessStore;
import app.convene.backbone.event.EventAccess;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.registration.domain.Event;
import app.convene.registration.service.EventCatalog.Locked;

/**
 * Who has a place on an event besides its owner: co-organizers (added and removed by the owner) and delegates, the
 * assistants who act on behalf of the owner or a co-organizer (added by the one they act for, removed by them or the
 * owner). Each change is written to {@code event_access} and announced as registration.event-updated.v1 in one
 * transaction, under the event's row lock, so two changes never overwrite each other. Asking for what already holds
 * changes nothing and announces nothing.
 */
@ApplicationScoped
public class EventOwnership {
    @Inject
    EventAccessGuard guard;
    @Inject
    EventAccessStore store;
    @Inject
    EventCatalog events;
    @Inject
    Caller caller;

    /** The event's access, for its members and the organisation's staff who may see it. */
    public EventAccess access(UUID eventId) {
        return guard.read(eventId);
    }

    @Transactional
    public EventAccess addCoOrganizer(UUID eventId, String subject) {
        String who = EventAccess.normalise(subject);
        Locked locked = lockAsOwner(eventId);
        EventAccess access = locked.access();
        if (access.owner().equals(who)) {
            throw ProblemException.conflict("is-owner", who + " owns event " + eventId
                    + " and needs no other place on it");
        }
        if (access.coOrganizers().contains(who)) {
            return access;
        }
        List<String> coOrganizers = new ArrayList<>(access.coOrganizers());
        coOrganizers.add(who);
        return save(locked.event(), new EventAccess(access.organisation(), access.owner(), access.confidential(),
                coOrganizers, access.delegates()));
    }

    /** Removes a co-organizer and the delegates who acted on their behalf. */
    @Transactional
    public EventAccess removeCoOrganizer(UUID eventId, String subject) {
        String who = EventAccess.normalise(subject);
        Locked locked = lockAsOwner(eventId);
        EventAccess access = locked.access();
        if (access.owner().equals(who)) {
            throw ProblemException.conflict("owner-not-removable", "the owner of event " + eventId
                    + " cannot be removed");
        }
        if (!access.coOrganizers().contains(who)) {
            return access;
        }
        return save(locked.event(), new EventAccess(access.organisation(), access.owner(), access.confidential(),
                access.coOrganizers().stream().filter(s -> !s.equals(who)).toList(),
                access.delegates().stream().filter(d -> !d.onBehalfOf().equals(who)).toList()));
    }

    /** The caller (owner or co-organizer) lets {@code subject} act on the caller's behalf. */
    @Transactional
    public EventAccess addDelegate(UUID eventId, String subject) {
        String who = EventAccess.normalise(subject);
        Locked locked = lock(eventId);
        EventAccess access = locked.access();
        String principal = caller.subject();
        if (!access.owner().equals(principal) && !access.coOrganizers().contains(principal)) {
            throw forbidden("only the owner and co-organizers of event " + eventId + " name delegates");
        }
        if (access.owner().equals(who) || access.coOrganizers().contains(who)) {
            throw ProblemException.conflict("already-organizer", who + " already organizes event " + eventId);
        }
        for (EventAccess.Delegate delegate : access.delegates()) {
            if (delegate.subject().equals(who)) {
                if (delegate.onBehalfOf().equals(principal)) {
                    return access;
                }
                throw ProblemException.conflict("already-delegate", who + " already acts on behalf of "
                        + delegate.onBehalfOf() + " for event " + eventId);
            }
        }
        List<EventAccess.Delegate> delegates = new ArrayList<>(access.delegates());
        delegates.add(new EventAccess.Delegate(who, principal));
        return save(locked.event(), new EventAccess(access.organisation(), access.owner(), access.confidential(),
                access.coOrganizers(), delegates));
    }

    /** The owner, or the one the delegate acts for, ends a delegation. */
    @Transactional
    public EventAccess removeDelegate(UUID eventId, String subject) {
        String who = EventAccess.normalise(subject);
        Locked locked = lock(eventId);
        EventAccess access = locked.access();
        String principal = caller.subject();
        EventAccess.Delegate delegate = access.delegates().stream().filter(d -> d.subject().equals(who)).findFirst()
                .orElse(null);
        boolean owner = access.owner().equals(principal);
        if (!owner && !(delegate == null ? access.coOrganizers().contains(principal)
                : delegate.onBehalfOf().equals(principal))) {
            throw forbidden("only the owner of event " + eventId + " and the one a delegate acts for remove it");
        }
        if (delegate == null) {
            return access;
        }
        return save(locked.event(), new EventAccess(access.organisation(), access.owner(), access.confidential(),
                access.coOrganizers(), access.delegates().stream().filter(d -> !d.subject().equals(who)).toList()));
    }

    /**
     * The owner hands the event to {@code subject} of the same organisation. The former owner stays on as a
     * co-organizer unless {@code keepFormerOwner} is false; the new owner leaves the co-organizers and delegates.
     * Handing it to its owner changes nothing.
     */
    @Transactional
    public EventAccess transferOwnership(UUID eventId, String subject, boolean keepFormerOwner) {
        String who = EventAccess.normalise(subject);
        Locked locked = lock(eventId);
        EventAccess access = locked.access();
        if (access.owner().equals(who)) {
            return access;
        }
        if (!access.owner().equals(caller.subject())) {
            throw forbidden("only the owner of event " + eventId + " hands it over");
        }
        return save(locked.event(), handedOver(access, who, keepFormerOwner));
    }

    /**
     * Hands the event to {@code to} if {@code from} still owns it (a series' or a leaver's events, the caller's
     * right checked by the one who asks); answers whether it did.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean handOver(UUID eventId, String from, String to, boolean keepFormerOwner) {
        Locked locked = events.lockWithAccess(eventId);
        EventAccess access = locked.access();
        if (!access.owner().equals(EventAccess.normalise(from)) || access.owner().equals(EventAccess.normalise(to))) {
            return false;
        }
        save(locked.event(), handedOver(access, EventAccess.normalise(to), keepFormerOwner));
        return true;
    }

    private static EventAccess handedOver(EventAccess access, String to, boolean keepFormerOwner) {
        String former = access.owner();
        List<String> coOrganizers = new ArrayList<>(access.coOrganizers().stream().filter(s -> !s.equals(to))
                .toList());
        if (keepFormerOwner && !coOrganizers.contains(former)) {
            coOrganizers.add(former);
        }
        // A delegate who becomes owner is no longer one; without the former owner, neither are their assistants.
        List<EventAccess.Delegate> delegates = access.delegates().stream().filter(d -> !d.subject().equals(to))
                .filter(d -> keepFormerOwner || !d.onBehalfOf().equals(former)).toList();
        return new EventAccess(access.organisation(), to, access.confidential(), coOrganizers, delegates);
    }

    /** Checks the caller may see the event, then locks it and reads its access as it is under the lock. */
    private Locked lock(UUID eventId) {
        guard.read(eventId);
        return events.lockWithAccess(eventId);
    }

    private Locked lockAsOwner(UUID eventId) {
        Locked locked = lock(eventId);
        if (!locked.access().owner().equals(caller.subject())) {
            throw forbidden("only the owner of event " + eventId + " adds and removes co-organizers");
        }
        return locked;
    }

    private EventAccess save(Event event, EventAccess access) {
        store.save(event.id, access);
        events.announceUpdate(event, access);
        return access;
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(403, "not-event-owner", "Forbidden", detail);
    }
}
