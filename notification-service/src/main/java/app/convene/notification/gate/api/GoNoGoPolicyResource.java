package app.convene.notification.gate.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import app.convene.notification.api.Descriptions;
import app.convene.notification.gate.service.GatePolicies;

@Path("/api/go-no-go/policy")
@Tag(name = "Go/no-go")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ORGANIZER)
@AuditedChanges
public class GoNoGoPolicyResource {
    @Inject
    GatePolicies policies;
    @Inject
    ObjectMapper json;

    @GET
    @Operation(operationId = "getGoNoGoPolicy",
            summary = "The organisation's go/no-go policy (the defaults until it sets one)",
            description = "Organizers only. What every event's gate is evaluated against; replaceGoNoGoPolicy "
                    + "changes it.")
    @APIResponse(responseCode = "200", description = "The policy; its strong ETag names this state, the defaults "
            + "included (send it as If-Match to replace exactly what was read)",
            content = @Content(schema = @Schema(implementation = GoNoGoPolicyResponse.class)))
    @APIResponse(responseCode = "304", description = Revalidated.NOT_MODIFIED)
    @APIResponse(responseCode = "401", description = Descriptions.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = Descriptions.FORBIDDEN)
    public Response get(
            @Parameter(description = EntityTags.IF_NONE_MATCH) @HeaderParam(HttpHeaders.IF_NONE_MATCH)
            String ifNoneMatch) {
        GoNoGoPolicyResponse policy = GoNoGoPolicyResponse.from(policies.current());
        return EntityTags.read(ifNoneMatch, EntityTags.of(json, policy), () -> policy);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceGoNoGoPolicy",
            summary = "Replace the organisation's go/no-go policy; every event's gate is evaluated again",
            description = "Organizers of the organisation. Unknown check or audience names are refused, naming the "
                    + "field. Setting the same policy again changes nothing more.")
    @APIResponse(responseCode = "200", description = "The policy as now set",
            content = @Content(schema = @Schema(implementation = GoNoGoPolicyResponse.class)))
    @APIResponse(responseCode = "400", description = Descriptions.BAD_REQUEST)
    @APIResponse(responseCode = "401", description = Descriptions.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = Descriptions.FORBIDDEN)
    @APIResponse(responseCode = "412", description = EntityTags.PRECONDITION_FAILED + ". While the organisation "
            + "has no policy of its own, the tag of the defaults (as getGoNoGoPolicy answers them) is current")
    public GoNoGoPolicyResponse change(
            @Parameter(description = EntityTags.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid GoNoGoPolicyRequest policy) {
        // The answer carries no ETag: whoever goes on changing the policy reads it again for the tag.
        return GoNoGoPolicyResponse.from(policies.change(policy.requiredChecks(), policy.decisionDueBefore(),
                policy.acknowledgingAudiences(),
                current -> EntityTags.requireCurrent(ifMatch,
                        () -> EntityTags.of(json, GoNoGoPolicyResponse.from(current)))));
    }
}
