package app.convene.registration.meeting.api;

import static app.convene.registration.meeting.api.AgendaResource.NOT_MEMBER;
import static app.convene.registration.meeting.api.AgendaResource.NOT_VISIBLE;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
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
import app.convene.registration.meeting.domain.Minutes;
import app.convene.registration.meeting.service.MinuteBook;

@Path("/api/events/{eventId}/minutes")
@Tag(name = "Agenda and minutes")
@Produces(MediaType.APPLICATION_JSON)
@AuditedChanges
public class MinutesResource {
    @Inject
    MinuteBook minuteBook;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE, Roles.FACILITY, Roles.ATTENDEE })
    @Operation(operationId = "getMinutes", summary = "A meeting's minutes",
            description = "The meeting's owner, co-organizers and delegates read every revision (the latest by "
                    + "default); the chair also the revision submitted to them for approval; others who may read the "
                    + "meeting read approved revisions only (the latest approved by default). A confidential "
                    + "meeting's minutes: only its owner, co-organizers, delegates and attendees.")
    @APIResponse(responseCode = "200", description = "The minutes; their ETag names this revision's state "
            + "(send it as If-Match to change, submit or approve exactly what was read)",
            content = @Content(schema = @Schema(implementation = MinutesResponse.class)))
    @APIResponse(responseCode = "304", description = Revalidated.NOT_MODIFIED)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE + "; no (approved) minutes yet; no such revision")
    public Response get(@PathParam("eventId") UUID eventId,
            @Parameter(description = "A revision (1 is the first)") @QueryParam("revision") @Min(1) Integer revision,
            @Parameter(description = EntityTags.IF_NONE_MATCH) @HeaderParam(HttpHeaders.IF_NONE_MATCH)
            String ifNoneMatch) {
        Minutes minutes = minuteBook.read(eventId, revision);
        return EntityTags.read(ifNoneMatch, minuteBook.tag(minutes), () -> MinutesResponse.from(minutes));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "writeMinutes", summary = "Write the draft minutes",
            description = "Creates the first revision or replaces the open draft's chair and entries. Action items "
                    + "get an id in the answer: send it back to keep the item across drafts and corrections.")
    @APIResponse(responseCode = "200", description = "The draft",
            content = @Content(schema = @Schema(implementation = MinutesResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule (an agendaItemId not on this "
            + "meeting's agenda, an unknown outcome, a negative vote count)")
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "The latest revision is submitted or approved")
    @APIResponse(responseCode = "412", description = EntityTags.PRECONDITION_FAILED)
    public Response write(@PathParam("eventId") UUID eventId,
            @Parameter(description = EntityTags.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid MinutesRequest request) {
        return answer(minuteBook.write(eventId, request.chair(), request.toEntries(), ifMatch), Response.Status.OK);
    }

    @POST
    @Path("/submit")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "submitMinutes", summary = "Submit the draft to the chair for approval",
            description = "Submitting again changes nothing.")
    @APIResponse(responseCode = "200", description = "Submitted",
            content = @Content(schema = @Schema(implementation = MinutesResponse.class)))
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE + "; no minutes yet")
    @APIResponse(responseCode = "409", description = "The latest revision is approved")
    @APIResponse(responseCode = "412", description = EntityTags.PRECONDITION_FAILED)
    public Response submit(@PathParam("eventId") UUID eventId,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Parameter(description = EntityTags.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return idempotent.execute(caller.name(), idempotencyKey,
                List.of("POST /api/events/" + eventId + "/minutes/submit"),
                () -> answer(minuteBook.submit(eventId, ifMatch), Response.Status.OK));
    }

    @POST
    @Path("/approve")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE, Roles.FACILITY, Roles.ATTENDEE })
    @Operation(operationId = "approveMinutes", summary = "The chair approves the submitted minutes",
            description = "The revision never changes after this; its action items are followed up "
                    + "(`GET /api/action-items`), and registration.minutes-approved.v1 is announced, which distributes "
                    + "the minutes to the meeting's attendees and distribution list. Approving again changes nothing.")
    @APIResponse(responseCode = "200", description = "Approved",
            content = @Content(schema = @Schema(implementation = MinutesResponse.class)))
    @APIResponse(responseCode = "403", description = "Only the chair approves")
    @APIResponse(responseCode = "404", description = NOT_VISIBLE + "; no minutes yet")
    @APIResponse(responseCode = "409", description = "The minutes are a draft: submit them first")
    @APIResponse(responseCode = "412", description = EntityTags.PRECONDITION_FAILED)
    public Response approve(@PathParam("eventId") UUID eventId,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @Parameter(description = EntityTags.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return idempotent.execute(caller.name(), idempotencyKey,
                List.of("POST /api/events/" + eventId + "/minutes/approve"),
                () -> answer(minuteBook.approve(eventId, ifMatch), Response.Status.OK));
    }

    @POST
    @Path("/revisions")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "correctMinutes", summary = "Start a correction of approved minutes",
            description = "A new draft revision holding what the approved one says; the approved one stays as it "
                    + "was. Safe to retry with the same Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "The new draft revision; Location reads it "
            + "(…/minutes?revision=N)",
            content = @Content(schema = @Schema(implementation = MinutesResponse.class)))
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE + "; no minutes yet")
    @APIResponse(responseCode = "409", description = "The latest revision is not approved (change it instead)")
    public Response correct(@PathParam("eventId") UUID eventId,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey,
                List.of("POST /api/events/" + eventId + "/minutes/revisions"), () -> {
                    Minutes correction = minuteBook.correct(eventId);
                    return Response.created(URI.create("/api/events/" + eventId + "/minutes?revision="
                            + correction.revision)).entity(MinutesResponse.from(correction)).build();
                });
    }

    /**
     * A change's answer: the revision as it now is, without its tag. The tag is the minutes' (GET), and RFC 9110
     * (9.3.4) keeps a validator out of the answer to a PUT whose content was not stored exactly as sent (action items
     * get their ids); the caller who goes on editing reads the minutes again, with their new tag.
     */
    private static Response answer(Minutes minutes, Response.Status status) {
        return Response.status(status).entity(MinutesResponse.from(minutes)).build();
    }
}
