package app.convene.notification.briefing.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.audit.AuditedChanges;
import app.convene.backbone.idempotency.IdempotentRequests;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.notification.api.Descriptions;
import app.convene.notification.briefing.service.Briefings;

@Path("/api/events/{eventId}/briefings")
@Tag(name = "Briefings")
@Produces(MediaType.APPLICATION_JSON)
@AuditedChanges
public class BriefingResource {
    @Inject
    Briefings briefings;
    @Inject
    Caller caller;
    @Inject
    IdempotentRequests idempotent;

    @GET
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(operationId = "listBriefings", summary = "What is known of the event and the briefings planned for it",
            description = "For staff of the event's organisation who may see the event (only its owner, "
                    + "co-organizers and delegates when it is confidential). Facility get it without the budget.")
    @APIResponse(responseCode = "200", description = "The event's digest and its briefings",
            content = @Content(schema = @Schema(implementation = EventBriefingsResponse.class)))
    @APIResponse(responseCode = "401", description = Descriptions.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = Descriptions.FORBIDDEN)
    @APIResponse(responseCode = "404", description = Descriptions.EVENT_NOT_FOUND)
    public EventBriefingsResponse list(@PathParam("eventId") UUID eventId) {
        return EventBriefingsResponse.from(briefings.overview(eventId));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(operationId = "generateBriefing",
            summary = "Generate a briefing now and send it to its audiences (an Idempotency-Key makes a retry "
            + "safe: the same briefing is answered, not a second one sent)",
            description = "Only the event's owner, co-organizers and delegates.")
    @APIResponse(responseCode = "201", description = "The briefing, sent",
            content = @Content(schema = @Schema(implementation = BriefingResponse.class)))
    @APIResponse(responseCode = "400", description = Descriptions.BAD_REQUEST)
    @APIResponse(responseCode = "401", description = Descriptions.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = Descriptions.NOT_EVENT_MEMBER)
    @APIResponse(responseCode = "404", description = Descriptions.EVENT_NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The event has no schedule yet")
    public Response generate(@PathParam("eventId") UUID eventId, @NotNull @Valid GenerateBriefing request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey,
                List.of("POST /api/events/" + eventId + "/briefings", request), () -> {
                    BriefingResponse generated = BriefingResponse.from(briefings.generate(eventId, request.kind()));
                    return Response.created(URI.create("/api/events/" + eventId + "/briefings/" + generated.id()))
                            .entity(generated).build();
                });
    }
}
