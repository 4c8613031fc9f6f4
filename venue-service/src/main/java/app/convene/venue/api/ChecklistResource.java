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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.audit.AuditedChanges;
import app.convene.backbone.idempotency.IdempotentRequests;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.venue.domain.Checklist;
import app.convene.venue.domain.ChecklistTemplate;
import app.convene.venue.service.Checklists;

@Path("/api")
@Tag(name = "Checklists and inspections")
@Produces(MediaType.APPLICATION_JSON)
@AuditedChanges
public class ChecklistResource {
    @Inject
    Checklists checklists;
    @Inject
    Caller caller;
    @Inject
    IdempotentRequests idempotent;

    @POST
    @Path("/checklist-templates")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FACILITY)
    @Operation(operationId = "createChecklistTemplate",
            summary = "Create a checklist template; items are mandatory or not, each due hours before the start",
            description = "Facility staff only. The template belongs to your organisation and is instantiated per "
                    + "booking (instantiateChecklist).")
    @APIResponse(responseCode = "201", description = "The template",
            content = @Content(schema = @Schema(implementation = TemplateResponse.class)))
    @APIResponse(responseCode = "409", description = "A template of that name exists")
    public Response createTemplate(@NotNull @Valid TemplateRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("create-checklist-template", request), () -> {
            ChecklistTemplate template = checklists.createTemplate(request.name().strip(), request.category(),
                    request.items().stream().map(TemplateItemRequest::item).toList());
            return Response.created(URI.create("/api/checklist-templates/" + template.id))
                    .entity(TemplateResponse.from(template)).build();
        });
    }

    @GET
    @Path("/checklist-templates")
    @RolesAllowed({ Roles.FACILITY, Roles.ORGANIZER })
    @Operation(operationId = "listChecklistTemplates", summary = "The checklist templates of your organisation",
            description = "Facility staff and organizers; only your organisation's templates, by name, each with its "
                    + "items. A page at a time: pass `next` as `after` until it is null.")
    @APIResponse(responseCode = "200", description = "A page of the templates, by name",
            content = @Content(schema = @Schema(implementation = TemplatePage.class)))
    @APIResponse(responseCode = "400", description = "`after` is not a template of your organisation, or `limit` is "
            + "out of range")
    public TemplatePage templates(
            @Parameter(description = "The previous page's `next`") @QueryParam("after") UUID after,
            @Parameter(description = "Page size, 1 to 500") @QueryParam("limit") @DefaultValue("100") @Min(1)
            @Max(Checklists.MAX_PAGE) int limit) {
        Checklists.TemplatePage page = checklists.templates(after, limit);
        return new TemplatePage(page.templates().stream().map(TemplateResponse::from).toList(), page.next());
    }

    @GET
    @Path("/checklist-templates/{templateId}")
    @RolesAllowed({ Roles.FACILITY, Roles.ORGANIZER })
    @Operation(operationId = "getChecklistTemplate", summary = "One checklist template of your organisation",
            description = "Where a new template's Location points; with its items, as the list shows it.")
    @APIResponse(responseCode = "200", description = "The template",
            content = @Content(schema = @Schema(implementation = TemplateResponse.class)))
    @APIResponse(responseCode = "404", description = "No such checklist template in your organisation, or not visible "
            + "to you")
    public TemplateResponse template(@PathParam("templateId") UUID templateId) {
        return TemplateResponse.from(checklists.template(templateId));
    }

    @PATCH
    @Path("/checklist-templates/{templateId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FACILITY)
    @Operation(operationId = "changeChecklistTemplate", summary = "Change a checklist template",
            description = "Facility staff only. Only the fields present change (null keeps a value): name, category, "
            + "and items (those given replace them all, in order). Checklists already made from the template keep "
            + "the items they were made with; checklists made from now on take the new ones.")
    @APIResponse(responseCode = "200", description = "The template as changed",
            content = @Content(schema = @Schema(implementation = TemplateResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule (named): a blank name, an unknown "
            + "category, no items, an item without its description or hours, an unknown field")
    @APIResponse(responseCode = "404", description = "No such checklist template in your organisation, or not visible "
            + "to you")
    @APIResponse(responseCode = "409", description = "Another template of that name exists (template-exists)")
    public TemplateResponse changeTemplate(@PathParam("templateId") UUID templateId,
            @NotNull @Valid ChangeTemplateRequest request) {
        return TemplateResponse.from(checklists.changeTemplate(templateId,
                request.name() == null ? null : request.name().strip(), request.category(),
                request.items() == null ? null : request.items().stream().map(TemplateItemRequest::item).toList()));
    }

    /** A page of checklist templates. */
    public record TemplatePage(@Schema(required = true, description = "The templates, by name, each with its items")
            List<TemplateResponse> templates,
            @Schema(description = "Pass as `after` for the next page; null on the last page") UUID next) {
    }

    @POST
    @Path("/bookings/{bookingId}/checklists")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.FACILITY, Roles.ORGANIZER })
    @Operation(operationId = "instantiateChecklist",
            summary = "Instantiate a template for a booking; each item is due relative to the event's start",
            description = "Facility staff and organizers. The template's items are copied onto a new checklist of "
                    + "the booking.")
    @APIResponse(responseCode = "201", description = "The checklist, at the Location header",
            content = @Content(schema = @Schema(implementation = ChecklistResponse.class)))
    @APIResponse(responseCode = "400", description = "templateId is not a checklist template of your organisation")
    @APIResponse(responseCode = "404", description = Descriptions.NO_BOOKING)
    @APIResponse(responseCode = "403", description = Descriptions.NOT_MEMBER)
    @APIResponse(responseCode = "409", description = "The booking is cancelled or already has this checklist")
    public Response instantiate(@PathParam("bookingId") UUID bookingId, @NotNull @Valid ChecklistRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("instantiate-checklist", bookingId, request),
                () -> {
                    Checklist checklist = checklists.instantiate(bookingId, request.templateId());
                    return Response.created(URI.create("/api/checklists/" + checklist.id))
                            .entity(ChecklistResponse.from(checklists.details(checklist))).build();
                });
    }

    @GET
    @Path("/checklists/{checklistId}")
    @RolesAllowed({ Roles.FACILITY, Roles.ORGANIZER })
    @Operation(operationId = "getChecklist",
            summary = "A checklist with each item's latest outcome and action, and what still blocks sign-off",
            description = "Facility staff and organizers who may see the event.")
    @APIResponse(responseCode = "200", description = "The checklist",
            content = @Content(schema = @Schema(implementation = ChecklistResponse.class)))
    @APIResponse(responseCode = "404", description = Descriptions.NO_CHECKLIST)
    public ChecklistResponse checklist(@PathParam("checklistId") UUID checklistId) {
        return ChecklistResponse.from(checklists.details(checklists.checklist(checklistId)));
    }

    @GET
    @Path("/events/{eventId}/checklists")
    @RolesAllowed({ Roles.FACILITY, Roles.ORGANIZER })
    @Operation(operationId = "listEventChecklists", summary = "The event's checklists",
            description = "Facility staff and organizers who may see the event.")
    @APIResponse(responseCode = "200", description = "The checklists, oldest first")
    @APIResponse(responseCode = "404", description = Descriptions.NO_EVENT)
    public List<ChecklistResponse> ofEvent(@PathParam("eventId") UUID eventId) {
        return checklists.checklistsOfEvent(eventId).stream().map(ChecklistResponse::from).toList();
    }

    @POST
    @Path("/checklists/{checklistId}/inspections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FACILITY)
    @Operation(operationId = "recordInspection",
            summary = "Record an inspection: each item passed, failed or not applicable, with a note; a failed "
            + "item opens an action",
            description = "Facility staff only. Every failed item opens a corrective action, which blocks sign-off "
                    + "until it is closed.")
    @APIResponse(responseCode = "201", description = "The inspection and the actions it opened",
            content = @Content(schema = @Schema(implementation = InspectionResponse.class)))
    @APIResponse(responseCode = "404", description = Descriptions.NO_CHECKLIST)
    @APIResponse(responseCode = "403", description = Descriptions.FACILITY_ONLY)
    @APIResponse(responseCode = "409", description = "The checklist is already signed off")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "passedAndFailed", summary = "One item passed, one failed with its corrective action",
                    value = """
                    {
                      "results": [
                        {"itemId": "9b2f1c3d-4e5a-4b6c-8d7e-0f1a2b3c4d5e", "outcome": "PASSED",
                          "note": "All exits clear"},
                        {"itemId": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "outcome": "FAILED",
                          "note": "Fire extinguisher in hall B is past its inspection date",
                          "action": {"description": "Replace the extinguisher", "owner": "Facility desk",
                            "dueAt": "2027-03-09T12:00:00Z"}}
                      ]
                    }
                    """) }))
    public Response inspect(@PathParam("checklistId") UUID checklistId, @NotNull @Valid InspectionRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("record-inspection", checklistId, request),
                () -> {
                    Checklists.InspectionRecord record = checklists.inspect(checklistId, caller.subject(),
                            request.results().stream().map(ItemResultRequest::result).toList());
                    return Response.created(URI.create("/api/checklists/" + checklistId))
                            .entity(InspectionResponse.from(record)).build();
                });
    }

    @GET
    @Path("/events/{eventId}/actions")
    @RolesAllowed({ Roles.FACILITY, Roles.ORGANIZER })
    @Operation(operationId = "listCorrectiveActions", summary = "The corrective actions opened for the event",
            description = "Facility staff and organizers who may see the event; open and closed actions.")
    @APIResponse(responseCode = "200", description = "The actions, oldest first")
    @APIResponse(responseCode = "404", description = Descriptions.NO_EVENT)
    public List<ActionResponse> actions(@PathParam("eventId") UUID eventId) {
        return checklists.actionsOfEvent(eventId).stream().map(ActionResponse::from).toList();
    }

    @POST
    @Path("/actions/{actionId}/closure")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FACILITY)
    @Operation(operationId = "closeCorrectiveAction",
            summary = "Close a corrective action with what was done (facility role only)",
            description = "Facility staff only. A closed action no longer blocks its checklist's sign-off.")
    @APIResponse(responseCode = "200", description = "The closed action",
            content = @Content(schema = @Schema(implementation = ActionResponse.class)))
    @APIResponse(responseCode = "404", description = Descriptions.NO_ACTION)
    @APIResponse(responseCode = "403", description = Descriptions.FACILITY_ONLY)
    @APIResponse(responseCode = "409", description = "The action is already closed")
    public Response close(@PathParam("actionId") UUID actionId, @NotNull @Valid ClosureRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("close-corrective-action", actionId, request),
                () -> Response.ok(ActionResponse.from(checklists.closeAction(actionId, caller.subject(),
                        request.resolution().strip()))).build());
    }

    @PATCH
    @Path("/actions/{actionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FACILITY)
    @Operation(operationId = "changeCorrectiveAction",
            summary = "Hand an open corrective action to someone else, give it another due time, or describe it "
                    + "better (facility role only)",
            description = "Facility staff only. Only the fields present change. A closed action no longer changes. "
                    + "The event's readiness is assessed again.")
    @APIResponse(responseCode = "200", description = "The action as changed",
            content = @Content(schema = @Schema(implementation = ActionResponse.class)))
    @APIResponse(responseCode = "400", description = "A blank owner or description, a malformed due time, or an "
            + "unknown field")
    @APIResponse(responseCode = "403", description = Descriptions.FACILITY_ONLY)
    @APIResponse(responseCode = "404", description = Descriptions.NO_ACTION)
    @APIResponse(responseCode = "409", description = "action-closed: the action was closed")
    public ActionResponse change(@PathParam("actionId") UUID actionId, @NotNull @Valid ChangeActionRequest request) {
        return ActionResponse.from(checklists.changeAction(actionId, request.changes()));
    }

    @POST
    @Path("/checklists/{checklistId}/sign-off")
    @RolesAllowed(Roles.FACILITY)
    @Operation(operationId = "signOffChecklist",
            summary = "Sign the checklist off (facility role only): every mandatory item passed or its action "
            + "closed",
            description = "Facility staff only. Refused while a mandatory item has neither passed nor had its action "
                    + "closed.")
    @APIResponse(responseCode = "200", description = "The signed-off checklist",
            content = @Content(schema = @Schema(implementation = ChecklistResponse.class)))
    @APIResponse(responseCode = "404", description = Descriptions.NO_CHECKLIST)
    @APIResponse(responseCode = "403", description = Descriptions.FACILITY_ONLY)
    @APIResponse(responseCode = "409", description = "A mandatory item is not inspected, or failed with its action "
            + "open (the detail lists them), or the checklist is already signed off")
    public Response signOff(@PathParam("checklistId") UUID checklistId,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("sign-off-checklist", checklistId),
                () -> Response.ok(ChecklistResponse.from(checklists.details(checklists.signOff(checklistId,
                        caller.subject())))).build());
    }
}
