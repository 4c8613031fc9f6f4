package app.convene.venue.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.audit.AuditedChanges;
import app.convene.backbone.idempotency.IdempotentRequests;
import app.convene.backbone.revalidation.EntityTags;
import app.convene.backbone.revalidation.Revalidated;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.venue.domain.ImprovementProposal;
import app.convene.venue.domain.IssueStatus;
import app.convene.venue.domain.VenueIssue;
import app.convene.venue.service.IssueLog;

/**
 * The partners' issue log of a venue: the facility coordinator keeps it, organizers read it; each within their own
 * organisation.
 */
@Path("/api")
@Tag(name = "Venue issue log")
@Produces(MediaType.APPLICATION_JSON)
@AuditedChanges
public class IssueResource {
    @Inject
    IssueLog issues;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller callers;
    @Inject
    ObjectMapper json;

    @POST
    @Path("/venues/{venueId}/issues")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FACILITY)
    @Operation(operationId = "raiseVenueIssue",
            summary = "Log an issue a partner raised about the venue; it starts OPEN",
            description = "Facility staff only. The issue stays in the venue's log with its improvement proposals.")
    @APIResponse(responseCode = "201", description = "The issue, at the Location header",
            content = @Content(schema = @Schema(implementation = IssueResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule (e.g. neither or both of "
            + "raisedBy.partnerContactId and raisedBy.name)")
    @APIResponse(responseCode = "404", description = Descriptions.NO_VENUE)
    @APIResponse(responseCode = "422", description = "raisedBy.partnerContactId is not a partner contact of this "
            + "venue, or the Idempotency-Key was first used with a different request")
    public Response raise(@PathParam("venueId") UUID venueId, @NotNull @Valid IssueRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        String caller = callers.subject();
        // Keys are scoped by organisation and subject: two callers' keys never meet.
        return idempotent.execute(callers.name(), idempotencyKey, List.of("venue-issue", venueId, request), () -> {
            VenueIssue issue = issues.raise(venueId, request.description().strip(), request.raisedBy().raisedBy(),
                    caller);
            return Response.created(URI.create("/api/venue-issues/" + issue.id)).entity(IssueResponse.from(issue))
                    .build();
        });
    }

    @GET
    @Path("/venues/{venueId}/issues")
    @RolesAllowed({ Roles.FACILITY, Roles.ORGANIZER })
    @Operation(operationId = "listVenueIssues",
            summary = "The venue's issue log, oldest first, with each issue's improvement proposals",
            description = "Facility staff and organizers of the venue's organisation. A page at a time: pass `next` "
                    + "as `after` (with the same status) until it is null.")
    @APIResponse(responseCode = "200", description = "A page of the issues",
            content = @Content(schema = @Schema(implementation = IssuePage.class)))
    @APIResponse(responseCode = "400", description = "status is not OPEN, IN_MEDIATION or RESOLVED, `after` is not "
            + "an issue of this venue, or `limit` is out of range")
    @APIResponse(responseCode = "404", description = Descriptions.NO_VENUE)
    public IssuePage list(@PathParam("venueId") UUID venueId,
            @Parameter(description = "Only issues in this status",
                    schema = @Schema(type = SchemaType.STRING, enumeration = { "OPEN", "IN_MEDIATION", "RESOLVED" }))
            @QueryParam("status") IssueStatus status,
            @Parameter(description = "The previous page's `next`") @QueryParam("after") UUID after,
            @Parameter(description = "Page size, 1 to 500") @QueryParam("limit") @DefaultValue("100") @Min(1)
            @Max(IssueLog.MAX_PAGE) int limit) {
        IssueLog.Page page = issues.issues(venueId, status, after, limit);
        return new IssuePage(page.issues().stream().map(IssueResponse::from).toList(), page.next());
    }

    @GET
    @Path("/venue-issues/{issueId}")
    @RolesAllowed({ Roles.FACILITY, Roles.ORGANIZER })
    @Operation(operationId = "getVenueIssue", summary = "An issue with its improvement proposals",
            description = "Facility staff and organizers of the venue's organisation.")
    @APIResponse(responseCode = "200", description = "The issue; its strong ETag names this state, proposals "
            + "included (send it as If-Match to move exactly what was read)",
            content = @Content(schema = @Schema(implementation = IssueResponse.class)))
    @APIResponse(responseCode = "304", description = Revalidated.NOT_MODIFIED)
    @APIResponse(responseCode = "404", description = Descriptions.NO_ISSUE)
    public Response get(@PathParam("issueId") UUID issueId,
            @Parameter(description = EntityTags.IF_NONE_MATCH) @HeaderParam(HttpHeaders.IF_NONE_MATCH)
            String ifNoneMatch) {
        IssueResponse issue = IssueResponse.from(issues.issue(issueId));
        return EntityTags.read(ifNoneMatch, EntityTags.of(json, issue), () -> issue);
    }

    @PUT
    @Path("/venue-issues/{issueId}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FACILITY)
    @Operation(operationId = "changeVenueIssueStatus",
            summary = "Move the issue on: OPEN → IN_MEDIATION → RESOLVED (with its resolution)",
            description = "Facility staff only. The status moves forward only: OPEN, then IN_MEDIATION, then "
                    + "RESOLVED with its resolution.")
    @APIResponse(responseCode = "200", description = "The issue in its new status",
            content = @Content(schema = @Schema(implementation = IssueResponse.class)))
    @APIResponse(responseCode = "400", description = "status missing or unknown; resolution missing to resolve, or "
            + "given without resolving")
    @APIResponse(responseCode = "404", description = Descriptions.NO_ISSUE)
    @APIResponse(responseCode = "409", description = "Not the issue's next status (e.g. resolving an OPEN issue "
            + "before mediation, or moving a RESOLVED one)")
    @APIResponse(responseCode = "412", description = EntityTags.PRECONDITION_FAILED + ". The tag covers the "
            + "proposals too: one attached since the read also refuses the move. Checked before the move is judged, "
            + "so a move from a stale read is answered 412 rather than 409")
    public IssueResponse transition(@PathParam("issueId") UUID issueId,
            @Parameter(description = EntityTags.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid StatusRequest request) {
        // The answer carries no ETag: whoever goes on moving the issue reads it again for the tag.
        return IssueResponse.from(issues.transition(issueId, request.status(), request.resolution(),
                callers.subject(), current -> EntityTags.requireCurrent(ifMatch,
                        () -> EntityTags.of(json, IssueResponse.from(current)))));
    }

    @POST
    @Path("/venue-issues/{issueId}/proposals")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FACILITY)
    @Operation(operationId = "proposeImprovement",
            summary = "Attach an improvement proposal to the issue, whatever its status",
            description = "Facility staff only. A proposal may be attached in any status, also after the issue is "
                    + "resolved.")
    @APIResponse(responseCode = "201", description = "The proposal",
            content = @Content(schema = @Schema(implementation = ProposalResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule (e.g. a blank description)")
    @APIResponse(responseCode = "404", description = Descriptions.NO_ISSUE)
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was first used with a different request")
    public Response propose(@PathParam("issueId") UUID issueId, @NotNull @Valid ProposalRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        String caller = callers.subject();
        return idempotent.execute(callers.name(), idempotencyKey, List.of("improvement-proposal", issueId, request),
                () -> {
            ImprovementProposal proposal = issues.propose(issueId, request.description().strip(),
                    request.proposedBy(), caller);
            return Response.created(URI.create("/api/venue-issues/" + issueId))
                    .entity(ProposalResponse.from(proposal)).build();
        });
    }
}
