package app.convene.backbone.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * A token without an organisation is not a valid token here: everything belongs to an organisation, so a caller
 * without one could see nothing and own nothing. It is refused like any invalid token (401 problem).
 */
@ApplicationScoped
public class OrganisationClaim implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || Caller.organisationOf(identity) != null) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().failure(new AuthenticationFailedException("the token carries no 'org' claim"));
    }
}
