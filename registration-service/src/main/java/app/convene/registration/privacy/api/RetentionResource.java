package app.convene.registration.privacy.api;

import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.audit.AuditedChanges;
import app.convene.backbone.revalidation.EntityTags;
import app.convene.backbone.revalidation.Revalidated;
import app.convene.backbone.security.Roles;
import app.convene.registration.privacy.domain.RetentionPolicy;
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
    @Inject
    ObjectMapper json;

    @GET
    @RolesAllowed({ Roles.PRIVACY_OFFICER, Roles.ORGANIZER })
    @Operation(operationId = "getRetentionPolicy", summary = "The organisation's retention policy",
            description = "Privacy officers and organizers. How long an event's attendees are kept before the hourly "
                    + "sweep anonymises them; a 404 until a policy is set.")
    @APIResponse(responseCode = "200", description = "The policy; its ETag names this state (send it as If-Match "
            + "to change or remove exactly what was read)",
            content = @Content(schema = @Schema(implementation = RetentionPolicyResponse.class)))
    @APIResponse(responseCode = "304", description = Revalidated.NOT_MODIFIED)
    @APIResponse(responseCode = "404", description = NO_POLICY)
    public Response policy(@Parameter(description = EntityTags.IF_NONE_MATCH) @HeaderParam(HttpHeaders.IF_NONE_MATCH)
            String ifNoneMatch) {
        RetentionPolicyResponse policy = RetentionPolicyResponse.from(policies.policy());
        return EntityTags.read(ifNoneMatch, EntityTags.of(json, policy), () -> policy);
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
    @APIResponse(responseCode = "412", description = EntityTags.PRECONDITION_FAILED + " (another privacy officer "
            + "set or removed the policy since; or none is set yet)")
    public RetentionPolicyResponse set(
            @Parameter(description = EntityTags.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RetentionPolicyRequest request) {
        return RetentionPolicyResponse.from(policies.set(request.anonymiseRegistrationsAfterMonths(),
                current -> requireCurrent(ifMatch, current)));
    }

    @DELETE
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(operationId = "removeRetentionPolicy",
            summary = "Remove the organisation's retention policy", description = "Privacy officers only. "
            + "Registrations are then kept until erased one person at a time; what was anonymised stays so.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = NO_POLICY)
    @APIResponse(responseCode = "412", description = EntityTags.PRECONDITION_FAILED)
    public void remove(
            @Parameter(description = EntityTags.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        policies.remove(current -> requireCurrent(ifMatch, current));
    }

    private void requireCurrent(String ifMatch, Optional<RetentionPolicy> current) {
        EntityTags.requireCurrent(ifMatch,
                () -> current.map(policy -> EntityTags.of(json, RetentionPolicyResponse.from(policy))).orElse(null));
    }
}
