package app.convene.registration.meeting.api;

import java.time.Clock;
import java.time.LocalDate;
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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.registration.api.Cursors;
import app.convene.registration.meeting.domain.ActionItem;
import app.convene.registration.meeting.service.ActionItems;

@Path("/api/action-items")
@Tag(name = "Agenda and minutes")
@Produces(MediaType.APPLICATION_JSON)
@AuditedChanges
public class ActionItemResource {
    private static final String NO_ITEM = "No such action item visible to you";

    @Inject
    ActionItems actionItems;
    @Inject
    Caller caller;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper json;

    @GET
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE, Roles.FACILITY, Roles.ATTENDEE })
    @Operation(operationId = "listActionItems", summary = "Action items across meetings",
            description = "Your organisation's action items of meetings you may read, and your own, by due date "
                    + "(then id), a page at a time: follow `next` until it is null. Filters combine.")
    @APIResponse(responseCode = "200", description = "A page of the action items",
            content = @Content(schema = @Schema(implementation = ActionItemPage.class)))
    @APIResponse(responseCode = "400", description = "A filter, `after` or `limit` is not valid")
    public ActionItemPage list(
            @Parameter(description = "`me`, or an e-mail address: whose items") @QueryParam("owner") String owner,
            @Parameter(description = "Items of this meeting series") @QueryParam("seriesId") UUID seriesId,
            @Parameter(description = "Items decided at this meeting") @QueryParam("eventId") UUID eventId,
            @Parameter(description = "OPEN, DONE or CANCELLED") @QueryParam("status") ActionItem.Status status,
            @Parameter(description = "true: only open items past their due date") @QueryParam("overdue")
            boolean overdue,
            @Parameter(description = "The previous page's `next`") @QueryParam("after") String after,
            @Parameter(description = "Page size, 1 to 500") @QueryParam("limit") @DefaultValue("100") @Min(1)
            @Max(ActionItems.MAX_PAGE) int limit) {
        String whose = "me".equals(owner) ? caller.subject() : owner;
        LocalDate today = LocalDate.now(clock);
        ActionItems.Page page = actionItems.list(new ActionItems.Filter(whose, seriesId, eventId, status, overdue),
                Cursors.decodeActionItem(after), limit);
        return new ActionItemPage(page.actionItems().stream().map(a -> ActionItemResponse.from(a, today)).toList(),
                Cursors.encode(page.next()));
    }

    /** A page of action items. */
    public record ActionItemPage(@Schema(required = true) List<ActionItemResponse> actionItems,
            @Schema(description = "Pass as `after` for the next page; null on the last page") String next) {
    }

    @GET
    @Path("/{actionItemId}")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE, Roles.FACILITY, Roles.ATTENDEE })
    @Operation(operationId = "getActionItem", summary = "One action item",
            description = "Your own, or one of a meeting you may read (as listActionItems shows them).")
    @APIResponse(responseCode = "200", description = "The action item; its ETag names this state, `overdue` "
            + "included (send it as If-Match to change exactly what was read)",
            content = @Content(schema = @Schema(implementation = ActionItemResponse.class)))
    @APIResponse(responseCode = "304", description = Revalidated.NOT_MODIFIED)
    @APIResponse(responseCode = "404", description = NO_ITEM)
    public Response get(@PathParam("actionItemId") UUID actionItemId,
            @Parameter(description = EntityTags.IF_NONE_MATCH) @HeaderParam(HttpHeaders.IF_NONE_MATCH)
            String ifNoneMatch) {
        ActionItemResponse item = ActionItemResponse.from(actionItems.read(actionItemId), LocalDate.now(clock));
        return EntityTags.read(ifNoneMatch, EntityTags.of(json, item), () -> item);
    }

    @PATCH
    @Path("/{actionItemId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE, Roles.FACILITY, Roles.ATTENDEE })
    @Operation(operationId = "changeActionItemStatus", summary = "Mark an action item done, cancelled or open",
            description = "Its owner, or the owner, co-organizers and delegates of the meeting that decided it.")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = ActionItemResponse.class)))
    @APIResponse(responseCode = "400", description = "status is missing or not one of OPEN, DONE, CANCELLED")
    @APIResponse(responseCode = "403", description = "Neither its owner nor one of the meeting's organizers")
    @APIResponse(responseCode = "404", description = NO_ITEM)
    @APIResponse(responseCode = "412", description = EntityTags.PRECONDITION_FAILED + " (e.g. someone marked it "
            + "done or cancelled it since)")
    public ActionItemResponse change(@PathParam("actionItemId") UUID actionItemId,
            @Parameter(description = EntityTags.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ActionItemStatusRequest request) {
        LocalDate today = LocalDate.now(clock);
        return ActionItemResponse.from(actionItems.changeStatus(actionItemId, request.status(),
                current -> EntityTags.requireCurrent(ifMatch, () -> EntityTags.of(json,
                        ActionItemResponse.from(current, today)))), today);
    }
}
