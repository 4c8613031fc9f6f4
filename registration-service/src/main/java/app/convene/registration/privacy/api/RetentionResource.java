package app.convene.registration.privacy.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.audit.AuditedChanges;
import app.convene.backbone.security.Roles;
import app.convene.registration.privacy.service.RetentionPolicies;

/** The organisation's retention policy for the people who registered for its events. */
@Path("/api/privacy/retention")
@Tag(name = "Privacy")
@Produces(MediaType.APPLICATION_JSON)
@AuditedChanges
public class RetentionResource {
    private static final String NO_POLICY = "The organisation has no retention policy";

    @Inject
    RetentionPolicies policies;

    @GET
    @RolesAllowed({ Roles.PRIVACY_OFFICER, Roles.ORGANIZER })
    @Operation(operationId = "getRetentionPolicy", summary = "The organisation's retention policy",
            description = "Privacy officers and organizers. How long an event's attendees are kept before the hourly "
                    + "sweep anonymises them; a 404 until a policy is set.")
    @APIResponse(responseCode = "200", description = "The policy",
            content = @Content(schema = @Schema(implementation = RetentionPolicyResponse.class)))
    @APIResponse(responseCode = "404", description = NO_POLICY)
    public RetentionPolicyResponse policy() {
        return RetentionPolicyResponse.from(policies.policy());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(operationId = "setRetentionPolicy",
            summary = "Set the organisation's retention policy", description = "Privacy officers only. Once an "
            + "event of the organisation ended longer ago than the given months, an hourly sweep anonymises its "
            + "registrations and speakers in place: address, name, the attendee's organisation and answers go; "
            + "statuses, waiting-list places, check-ins and every count stay. It announces "
            + "privacy.event-attendees-anonymised.v1, so notification-service anonymises its copies too. Setting "
            + "the same policy again changes nothing.")
    @APIResponse(responseCode = "200", description = "The policy in force",
            content = @Content(schema = @Schema(implementation = RetentionPolicyResponse.class)))
    @APIResponse(responseCode = "400", description = "The months are missing or outside 1..120")
    public RetentionPolicyResponse set(@Valid @NotNull RetentionPolicyRequest request) {
        return RetentionPolicyResponse.from(policies.set(request.anonymiseRegistrationsAfterMonths()));
    }

    @DELETE
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(operationId = "removeRetentionPolicy",
            summary = "Remove the organisation's retention policy", description = "Privacy officers only. "
            + "Registrations are then kept until erased one person at a time; what was anonymised stays so.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = NO_POLICY)
    public void remove() {
        policies.remove();
    }
}
