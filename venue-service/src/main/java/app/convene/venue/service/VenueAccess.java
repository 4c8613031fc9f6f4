package app.convene.venue.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.convene.backbone.access.EventAccessGuard;
import app.convene.backbone.access.EventAccessStore;
import app.convene.backbone.event.EventAccess;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.venue.domain.OfOrganisation;

/**
 * Venue's side of the access rule. Venues, rooms, partner contacts, issues and templates belong to one organisation;
 * bookings, checklists, actions, certificates and readiness follow their event's access ({@link EventAccessGuard}).
 * An object reached by its own id whose event the caller may not see is "not found" under its own name, so the
 * answer never tells the event's id.
 */
@ApplicationScoped
public class VenueAccess {
    @Inject
    EventAccessGuard guard;
    @Inject
    EventAccessStore store;
    @Inject
    Caller caller;

    /** The caller's organisation: what it creates belongs to it, and it sees nothing of another. */
    public String organisation() {
        return caller.organisation();
    }

    /**
     * {@code found} when it exists and belongs to the caller's organisation; otherwise {@code what} {@code id} is not
     * found (another organisation's object is never told apart from a missing one).
     */
    public <T extends OfOrganisation> T inCallersOrganisation(T found, String what, UUID id) {
        if (found == null || !caller.organisation().equals(found.organisation())) {
            throw notFound(what, id);
        }
        return found;
    }

    /** The caller may see {@code eventId}, the event of {@code what} {@code id}; else that object is not found. */
    public EventAccess read(UUID eventId, String what, UUID id) {
        try {
            return guard.read(eventId);
        } catch (ProblemException e) {
            throw e.status() == 404 ? notFound(what, id) : e;
        }
    }

    /**
     * The caller may change what hangs off {@code eventId}: its owner, a co-organizer or a delegate, or a holder of
     * one of {@code organisationWideRoles}; 404 ({@code what} {@code id}) when it may not see the event, 403 when it
     * sees it but may not change it.
     */
    public EventAccess change(UUID eventId, String what, UUID id, String... organisationWideRoles) {
        try {
            return guard.change(eventId, organisationWideRoles);
        } catch (ProblemException e) {
            throw e.status() == 404 ? notFound(what, id) : e;
        }
    }

    /**
     * Whether the caller sees the event, without acting on it (for answers that would otherwise name it, e.g. the
     * booking in the way of a new one).
     */
    public boolean canSee(UUID eventId) {
        return store.find(eventId).map(guard::canSee).orElse(false);
    }

    public static ProblemException notFound(String what, UUID id) {
        return new ProblemException(404, "not-found", "Not found",
                "no " + what + " " + id + " in your organisation, or not visible to you");
    }
}
