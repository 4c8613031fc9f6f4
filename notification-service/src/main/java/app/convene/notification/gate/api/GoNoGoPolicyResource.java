package app.convene.notification.gate.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

    @GET
    @Operation(operationId = "getGoNoGoPolicy",
            summary = "The organisation's go/no-go policy (the defaults until it sets one)",
            description = "Organizers only. What every event's gate is evaluated against; replaceGoNoGoPolicy "
                    + "changes it.")
    @APIResponse(responseCode = "200", description = "The policy",
            content = @Content(schema = @Schema(implementation = GoNoGoPolicyResponse.class)))
    @APIResponse(responseCode = "401", description = Descriptions.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = Descriptions.FORBIDDEN)
    public GoNoGoPolicyResponse get() {
        return GoNoGoPolicyResponse.from(policies.current());
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
    public GoNoGoPolicyResponse change(@NotNull @Valid GoNoGoPolicyRequest policy) {
        return GoNoGoPolicyResponse.from(policies.change(policy.requiredChecks(), policy.decisionDueBefore(),
                policy.acknowledgingAudiences()));
    }
}
