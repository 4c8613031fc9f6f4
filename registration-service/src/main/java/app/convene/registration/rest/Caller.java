package app.convene.registration.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/** Object-level access: an attendee acts only on registrations under its own e-mail; organizers act on all. */
@RequestScoped
public class Caller {
    @Inject
    SecurityIdentity identity;

    /** Who is calling, as the token names them (scopes idempotency keys). */
    public String name() {
        return identity.getPrincipal() == null ? "anonymous" : identity.getPrincipal().getName();
    }

    public boolean isOrganizer() {
        return identity.hasRole(Roles.ORGANIZER);
    }

    /** An attendee may register only itself. */
    public void requireActingForSelf(String attendeeEmail) {
        if (!isOrganizerOrSelf(attendeeEmail)) {
            throw new ProblemException(403, "forbidden", "Forbidden",
                    "an attendee token registers only its own e-mail address");
        }
    }

    /** An attendee sees only its own registrations; others answer 404, so it cannot learn which exist. */
    public void requireVisible(String attendeeEmail) {
        if (!isOrganizerOrSelf(attendeeEmail)) {
            throw new ProblemException(404, "not-found", "Not found", "no registration of yours matches");
        }
    }

    private boolean isOrganizerOrSelf(String attendeeEmail) {
        if (identity.hasRole(Roles.ORGANIZER)) {
            return true;
        }
        String name = identity.getPrincipal() == null ? null : identity.getPrincipal().getName();
        return name != null && name.equalsIgnoreCase(attendeeEmail);
    }
}
