package app.convene.backbone.security;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import app.convene.backbone.event.EventAccess;
import app.convene.backbone.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling: the organisation (token claim {@code org}), the subject ({@code upn}, an e-mail address, lower
 * case) and the roles ({@code groups}). Once an event's access was checked, it also knows on whose behalf the caller
 * acts there (a delegate acts for the owner or a co-organizer), which the audit trail records.
 */
@RequestScoped
public class Caller {
    public static final String ORGANISATION_CLAIM = "org";
    private static final Set<String> STAFF = Set.of(Roles.ORGANIZER, Roles.FINANCE, Roles.FACILITY);

    @Inject
    SecurityIdentity identity;

    private UUID eventId;
    private String onBehalfOf;

    /** The caller's organisation; every token that reaches an operation has one (see {@link OrganisationClaim}). */
    public String organisation() {
        String org = organisationOf(identity);
        if (org == null) {
            throw new ProblemException(401, "unauthorized", "Unauthorized",
                    "the token carries no organisation (claim 'org')");
        }
        return org;
    }

    /** The caller's subject in lower case, e.g. {@code anna@example.com}. */
    public String subject() {
        return identity.getPrincipal() == null ? "anonymous" : EventAccess.normalise(identity.getPrincipal().getName());
    }

    /** Scopes idempotency keys: the same key of two callers (or two organisations) never collides. */
    public String name() {
        return identity.isAnonymous() ? "anonymous" : organisation() + "/" + subject();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isOrganizer() {
        return identity.hasRole(Roles.ORGANIZER);
    }

    /** Organizer, finance or facility: the organisation's staff, who see its events unless they are confidential. */
    public boolean isStaff() {
        return STAFF.stream().anyMatch(identity::hasRole);
    }

    /** Whether the token's subject is this e-mail address (case does not matter). */
    public boolean is(String email) {
        return email != null && !identity.isAnonymous() && subject().equals(EventAccess.normalise(email));
    }

    /** Remembers the event acted on and on whose behalf, for the audit trail. */
    public void actingOn(UUID eventId, String onBehalfOf) {
        this.eventId = eventId;
        this.onBehalfOf = onBehalfOf;
    }

    /** The event the request acted on, once its access was checked; null otherwise. */
    public UUID eventId() {
        return eventId;
    }

    /** Whom the caller acted for (as a delegate); null when acting for itself. */
    public String onBehalfOf() {
        return onBehalfOf;
    }

    static String organisationOf(SecurityIdentity identity) {
        if (identity == null || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return null;
        }
        Object claim = token.getClaim(ORGANISATION_CLAIM);
        String org = claim instanceof JsonString json ? json.getString() : claim instanceof String text ? text : null;
        return org == null || org.isBlank() ? null : org.trim();
    }
}
