package app.convene.notification.gate.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.audit.AuditedChanges;
import app.convene.backbone.revalidation.Revalidated;
import app.convene.backbone.security.Roles;
import app.convene.notification.api.Descriptions;
import app.convene.notification.gate.service.Gate;

@Path("/api/events/{eventId}/go-no-go")
@Tag(name = "Go/no-go")
@Produces(MediaType.APPLICATION_JSON)
@AuditedChanges
public class GoNoGoResource {
    @Inject
    Gate gate;

    @GET
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Revalidated(ignoring = "asOf")
    @Operation(operationId = "getGoNoGoDecision",
            summary = "The event's go/no-go decision with every check, where it stands and since when",
            description = "Organizers, facility and finance staff who may see the event. The checks follow the "
                    + "organisation's go/no-go policy (getGoNoGoPolicy).")
    @APIResponse(responseCode = "200", description = "The decision and its checks",
            content = @Content(schema = @Schema(implementation = GoNoGoResponse.class)))
    @APIResponse(responseCode = "401", description = Descriptions.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = Descriptions.FORBIDDEN)
    @APIResponse(responseCode = "404", description = Descriptions.EVENT_NOT_FOUND)
    @APIResponse(responseCode = "304", description = Revalidated.NOT_MODIFIED)
    public GoNoGoResponse get(@PathParam("eventId") UUID eventId) {
        return GoNoGoResponse.from(gate.of(eventId));
    }

    @PUT
    @Path("/target")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(operationId = "setAttendanceTarget",
            summary = "Set the event's minimum attendance target (the seats check); the gate is evaluated again",
            description = "Only the event's owner, co-organizers and delegates. Setting the same target again "
                    + "changes nothing more.")
    @APIResponse(responseCode = "200", description = "The decision as it now stands",
            content = @Content(schema = @Schema(implementation = GoNoGoResponse.class)))
    @APIResponse(responseCode = "400", description = Descriptions.BAD_REQUEST)
    @APIResponse(responseCode = "401", description = Descriptions.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = Descriptions.NOT_EVENT_MEMBER)
    @APIResponse(responseCode = "404", description = Descriptions.EVENT_NOT_FOUND)
    public GoNoGoResponse changeTarget(@PathParam("eventId") UUID eventId,
            @NotNull @Valid GoNoGoTargetRequest target) {
        return GoNoGoResponse.from(gate.changeTarget(eventId, target.minimumAttendance()));
    }
}
