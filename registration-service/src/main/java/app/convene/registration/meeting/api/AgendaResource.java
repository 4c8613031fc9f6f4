package app.convene.registration.meeting.api;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.problem.MergePatches;
import app.convene.backbone.problem.MergePatches.MergePatch;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.audit.AuditedChanges;
import app.convene.backbone.idempotency.IdempotentRequests;
import app.convene.backbone.revalidation.EntityTags;
import app.convene.backbone.revalidation.Revalidated;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.registration.meeting.service.Agendas;

@Path("/api/events/{eventId}/agenda")
@Tag(name = "Agenda and minutes", description = "A meeting's agenda, its minutes and their action items")
@Produces(MediaType.APPLICATION_JSON)
@AuditedChanges
public class AgendaResource {
    static final String NOT_VISIBLE = "No such meeting in your organisation, or not visible to you";
    static final String NOT_MEMBER = "Only the meeting's owner, co-organizers and delegates may do this";

    @Inject
    Agendas agendas;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper json;
    @Inject
    MergePatches patches;

    @GET
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE, Roles.FACILITY, Roles.ATTENDEE })
    @Operation(operationId = "getAgenda", summary = "A meeting's agenda",
            description = "Its owner, co-organizers and delegates see it as it is being prepared; whoever may read the "
                    + "meeting sees it once published. Lists the open action items of the series' earlier meetings "
                    + "that are overdue by this meeting.")
    @APIResponse(responseCode = "200", description = "The agenda; its ETag names this state (send it as If-Match "
            + "to reorder exactly what was read)",
            content = @Content(schema = @Schema(implementation = AgendaResponse.class)))
    @APIResponse(responseCode = "304", description = Revalidated.NOT_MODIFIED)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE + "; not published yet")
    public Response get(@PathParam("eventId") UUID eventId,
            @Parameter(description = EntityTags.IF_NONE_MATCH) @HeaderParam(HttpHeaders.IF_NONE_MATCH)
            String ifNoneMatch) {
        AgendaResponse agenda = AgendaResponse.from(agendas.read(eventId), LocalDate.now(clock));
        return EntityTags.read(ifNoneMatch, EntityTags.of(json, agenda), () -> agenda);
    }

    @POST
    @Path("/items")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "addAgendaItem", summary = "Add an item at the end of the agenda",
            description = "Safe to retry with the same Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = AgendaItemResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule")
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "The agenda holds 100 items already")
    public Response add(@PathParam("eventId") UUID eventId, @NotNull @Valid AgendaItemRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey,
                List.of("POST /api/events/" + eventId + "/agenda/items", request), () -> {
                    AgendaItemResponse item = AgendaItemResponse.from(agendas.add(eventId, request.toTerms()));
                    return Response.created(URI.create("/api/events/" + eventId + "/agenda/items/" + item.id()))
                            .entity(item).build();
                });
    }

    @GET
    @Path("/items/{itemId}")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE, Roles.FACILITY, Roles.ATTENDEE })
    @Operation(operationId = "getAgendaItem", summary = "One item of a meeting's agenda",
            description = "Where a new item's Location points. Who sees it as for the agenda: its owner, "
                    + "co-organizers and delegates while it is being prepared, whoever may read the meeting once "
                    + "published.")
    @APIResponse(responseCode = "200", description = "The item; its ETag names this state, its position included "
            + "(send it as If-Match to change or remove exactly what was read)",
            content = @Content(schema = @Schema(implementation = AgendaItemResponse.class)))
    @APIResponse(responseCode = "304", description = Revalidated.NOT_MODIFIED)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE + "; not published yet; no such item of this "
            + "agenda")
    public Response getItem(@PathParam("eventId") UUID eventId, @PathParam("itemId") UUID itemId,
            @Parameter(description = EntityTags.IF_NONE_MATCH) @HeaderParam(HttpHeaders.IF_NONE_MATCH)
            String ifNoneMatch) {
        AgendaItemResponse item = agendas.read(eventId).items().stream().filter(i -> i.id.equals(itemId))
                .findFirst().map(AgendaItemResponse::from)
                .orElseThrow(() -> ProblemException.notFound("agenda item", itemId));
        return EntityTags.read(ifNoneMatch, EntityTags.of(json, item), () -> item);
    }

    @PATCH
    @Path("/items/{itemId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "changeAgendaItem", summary = "Change an agenda item",
            description = "Only the fields present change (JSON Merge Patch, RFC 7396): presenter sent as null is "
                    + "cleared; the other fields keep their value when sent as null.")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = AgendaItemResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule")
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE + "; no such item")
    @APIResponse(responseCode = "412", description = EntityTags.PRECONDITION_FAILED)
    public AgendaItemResponse change(@PathParam("eventId") UUID eventId, @PathParam("itemId") UUID itemId,
            @Parameter(description = EntityTags.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ChangeAgendaItemRequest.class))) JsonNode body)
            throws JsonProcessingException {
        MergePatch<ChangeAgendaItemRequest> patch = patches.read(body, ChangeAgendaItemRequest.class,
                Agendas.CLEARABLE);
        return AgendaItemResponse.from(agendas.change(eventId, itemId, patch.changes().toTerms(), patch.cleared(),
                current -> EntityTags.requireCurrent(ifMatch,
                        () -> EntityTags.of(json, AgendaItemResponse.from(current)))));
    }

    @DELETE
    @Path("/items/{itemId}")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "removeAgendaItem", summary = "Remove an agenda item",
            description = "The items after it move up.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE + "; no such item")
    @APIResponse(responseCode = "412", description = EntityTags.PRECONDITION_FAILED)
    public void remove(@PathParam("eventId") UUID eventId, @PathParam("itemId") UUID itemId,
            @Parameter(description = EntityTags.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        agendas.remove(eventId, itemId, current -> EntityTags.requireCurrent(ifMatch,
                () -> EntityTags.of(json, AgendaItemResponse.from(current))));
    }

    @PUT
    @Path("/order")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "reorderAgenda", summary = "Put the agenda's items in a new order",
            description = "itemIds names every item of the agenda once, first to last. The meeting's owner, "
                    + "co-organizers and delegates only.")
    @APIResponse(responseCode = "200", description = "Reordered",
            content = @Content(schema = @Schema(implementation = AgendaResponse.class)))
    @APIResponse(responseCode = "400", description = "itemIds does not name every item exactly once")
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    @APIResponse(responseCode = "412", description = EntityTags.PRECONDITION_FAILED)
    public AgendaResponse reorder(@PathParam("eventId") UUID eventId,
            @Parameter(description = EntityTags.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid AgendaOrderRequest request) {
        LocalDate today = LocalDate.now(clock);
        return AgendaResponse.from(agendas.reorder(eventId, request.itemIds(), current -> EntityTags
                .requireCurrent(ifMatch, () -> EntityTags.of(json, AgendaResponse.from(current, today)))), today);
    }

    @POST
    @Path("/publish")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "publishAgenda", summary = "Publish the agenda to the meeting's attendees",
            description = "Attendees may read it from now on; announces registration.agenda-published.v1 (its "
                    + "version grows with each publication), which puts it in the pre-event briefing. Publishing "
                    + "again after a change announces the new version.")
    @APIResponse(responseCode = "200", description = "Published",
            content = @Content(schema = @Schema(implementation = AgendaResponse.class)))
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    public Response publish(@PathParam("eventId") UUID eventId,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey,
                List.of("POST /api/events/" + eventId + "/agenda/publish"),
                () -> Response.ok(AgendaResponse.from(agendas.publish(eventId), LocalDate.now(clock))).build());
    }
}
