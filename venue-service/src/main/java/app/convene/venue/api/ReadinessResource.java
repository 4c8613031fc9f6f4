package app.convene.venue.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.revalidation.Revalidated;
import app.convene.backbone.security.Roles;
import app.convene.venue.service.Readiness;

@Path("/api/events/{eventId}/readiness")
@Tag(name = "Readiness")
@Produces(MediaType.APPLICATION_JSON)
public class ReadinessResource {
    @Inject
    Readiness readiness;

    @GET
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY })
    @Revalidated
    @Operation(operationId = "getReadiness", summary = "Whether the event is ready, check by check",
            description = "Organizers and facility staff who may see the event: every readiness check with its "
                    + "status and reason, and the overall state.")
    @APIResponse(responseCode = "200", description = "Each check with status and reason, and the overall state",
            content = @Content(schema = @Schema(implementation = ReadinessResponse.class)))
    @APIResponse(responseCode = "404", description = Descriptions.NO_EVENT + "; or venue has not heard of it yet")
    @APIResponse(responseCode = "304", description = Revalidated.NOT_MODIFIED)
    public ReadinessResponse get(@PathParam("eventId") UUID eventId) {
        return ReadinessResponse.from(readiness.assess(eventId));
    }
}
