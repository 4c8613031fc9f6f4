package app.convene.backbone.audit;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.access.EventAccessGuard;
import app.convene.backbone.problem.Problem;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;

/** Every service's audit trail of an event, for the people who run it. */
@Path("/api/events/{eventId}/audit")
@Tag(name = "Audit", description = "Who changed what on an event, and on whose behalf; never changed or deleted.")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    @Inject
    AuditTrail trail;
    @Inject
    EventAccessGuard guard;
    @Inject
    Caller caller;

    public record AuditPage(@Schema(required = true) List<AuditTrail.Entry> entries,
            @Schema(description = "Pass as 'before' for older entries; null on the last page") Long next) {
    }

    @GET
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE, Roles.FACILITY })
    @Operation(operationId = "listAuditEntries", summary = "Who changed what on this event, on whose behalf",
            description = "This service's changes to the event and what hangs off it, newest first. Readable by the "
                    + "event's owner, co-organizers and delegates.")
    @APIResponse(responseCode = "200", description = "A page of entries",
            content = @Content(schema = @Schema(implementation = AuditPage.class)))
    @APIResponse(responseCode = "404", description = "No such event in your organisation, or not visible to you",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AuditPage list(@PathParam("eventId") UUID eventId,
            @Parameter(description = "Entries older than this id") @QueryParam("before") Long before,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        guard.requireMember(eventId);
        List<AuditTrail.Entry> entries = trail.ofEvent(caller.organisation(), eventId, before, limit);
        Long next = entries.size() == limit ? entries.get(entries.size() - 1).id() : null;
        return new AuditPage(entries, next);
    }
}
