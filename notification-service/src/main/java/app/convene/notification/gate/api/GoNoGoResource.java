package app.convene.notification.gate.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import app.convene.notification.gate.service.Gate;

@Path("/api/events/{eventId}/go-no-go")
@Tag(name = "Go/no-go")
@Produces(MediaType.APPLICATION_JSON)
@AuditedChanges
public class GoNoGoResource {
    @Inject
    Gate gate;
    @Inject
    ObjectMapper json;

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

    @GET
    @Path("/target")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(operationId = "getAttendanceTarget",
            summary = "The event's minimum attendance target (0, no target, until one is set)",
            description = "Organizers, facility and finance staff who may see the event. setAttendanceTarget "
                    + "changes it; the seats check of getGoNoGoDecision holds the confirmed attendees against it.")
    @APIResponse(responseCode = "200", description = "The target; its strong ETag names this state, the 0 of an "
            + "event without a target included (send it as If-Match to change exactly what was read)",
            content = @Content(schema = @Schema(implementation = GoNoGoTargetResponse.class)))
    @APIResponse(responseCode = "304", description = Revalidated.NOT_MODIFIED)
    @APIResponse(responseCode = "401", description = Descriptions.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = Descriptions.FORBIDDEN)
    @APIResponse(responseCode = "404", description = Descriptions.EVENT_NOT_FOUND)
    public Response target(@PathParam("eventId") UUID eventId,
            @Parameter(description = EntityTags.IF_NONE_MATCH) @HeaderParam(HttpHeaders.IF_NONE_MATCH)
            String ifNoneMatch) {
        GoNoGoTargetResponse target = GoNoGoTargetResponse.from(gate.target(eventId));
        return EntityTags.read(ifNoneMatch, EntityTags.of(json, target), () -> target);
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
    @APIResponse(responseCode = "412", description = EntityTags.PRECONDITION_FAILED + " (getAttendanceTarget gives "
            + "the tag). While the event has no target, the tag of its 0 (as getAttendanceTarget answers it) is "
            + "current")
    public GoNoGoResponse changeTarget(@PathParam("eventId") UUID eventId,
            @Parameter(description = EntityTags.IF_MATCH + " The tag is getAttendanceTarget's.")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid GoNoGoTargetRequest target) {
        // The answer (the gate) carries no ETag: whoever goes on changing the target reads it again for the tag.
        return GoNoGoResponse.from(gate.changeTarget(eventId, target.minimumAttendance(),
                current -> EntityTags.requireCurrent(ifMatch,
                        () -> EntityTags.of(json, GoNoGoTargetResponse.from(current)))));
    }
}
