package app.convene.notification.delivery.api;

import java.net.URI;
import java.time.Clock;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.audit.AuditedChanges;
import app.convene.backbone.idempotency.IdempotentRequests;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.notification.api.Descriptions;
import app.convene.notification.delivery.domain.Recipient;
import app.convene.notification.delivery.service.DistributionLists;

@Path("/api/events/{eventId}/recipients")
@Tag(name = "Distribution lists")
@Produces(MediaType.APPLICATION_JSON)
@AuditedChanges
public class RecipientResource {
    @Inject
    DistributionLists lists;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(operationId = "addRecipient",
            summary = "Add a recipient to one of the event's distribution lists "
                    + "(an Idempotency-Key makes a retry safe)",
            description = "Only the event's owner, co-organizers and delegates, for e-mail and webhook recipients alike.")
    @APIResponse(responseCode = "201", description = "Added; a webhook's signing secret is shown only now (not in "
            + "a replay of this answer for the same Idempotency-Key)",
            content = @Content(schema = @Schema(implementation = RecipientResponse.class)))
    @APIResponse(responseCode = "400", description = Descriptions.BAD_REQUEST + "; a webhook URL that is not https, "
            + "or whose host does not resolve or resolves to a loopback, private, link-local or other internal address")
    @APIResponse(responseCode = "401", description = Descriptions.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = Descriptions.NOT_EVENT_MEMBER)
    @APIResponse(responseCode = "404", description = Descriptions.EVENT_NOT_FOUND)
    @APIResponse(responseCode = "409", description = "Already on that list")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "email", summary = "A facility coordinator receives the briefings by e-mail",
                    value = """
                    {
                      "audience": "FACILITY",
                      "name": "Sven Berg",
                      "channel": "EMAIL",
                      "address": "sven.berg@example.org",
                      "language": "sv"
                    }
                    """),
            @ExampleObject(name = "webhook", summary = "A webhook subscription: signed briefings posted to your system",
                    value = """
                    {
                      "audience": "ORGANIZERS",
                      "name": "Event desk integration",
                      "channel": "WEBHOOK",
                      "address": "https://hooks.example.org/convene/briefings"
                    }
                    """) }))
    public Response add(@PathParam("eventId") UUID eventId, @NotNull @Valid NewRecipient request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        request.requireAddressFitsChannel();
        lists.requireDeliverable(eventId, request.channel(), request.address());
        // The answer kept for replays carries no secret: the secret is added to the first answer only, afterwards.
        String[] issued = new String[1];
        Response answer = idempotent.execute(caller.name(), idempotencyKey,
                List.of("POST /api/events/" + eventId + "/recipients", request), () -> {
                    Recipient recipient = lists.add(eventId, request.audience(), request.name(), request.channel(),
                            request.address(), request.language());
                    issued[0] = recipient.issuedSecret;
                    RecipientResponse added = RecipientResponse.listed(recipient, clock.instant());
                    return Response.created(URI.create("/api/events/" + eventId + "/recipients/" + added.id()))
                            .entity(added).build();
                });
        if (issued[0] != null && answer.getEntity() instanceof RecipientResponse added) {
            return Response.fromResponse(answer).entity(added.withSecret(issued[0])).build();
        }
        return answer;
    }

    @GET
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(operationId = "listRecipients",
            summary = "The event's distribution lists: every active recipient, by audience",
            description = "For staff who may see the event.")
    @APIResponse(responseCode = "200", description = "The recipients")
    @APIResponse(responseCode = "401", description = Descriptions.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = Descriptions.FORBIDDEN)
    @APIResponse(responseCode = "404", description = Descriptions.EVENT_NOT_FOUND)
    public List<RecipientResponse> list(@PathParam("eventId") UUID eventId) {
        return lists.list(eventId).stream().map(r -> RecipientResponse.listed(r, clock.instant())).toList();
    }

    @GET
    @Path("/{recipientId}")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(operationId = "getRecipient", summary = "One recipient on the event's distribution list",
            description = "Where a new recipient's Location points; as the list shows it (a webhook's secret is "
                    + "shown once, when it is added). For staff who may see the event.")
    @APIResponse(responseCode = "200", description = "The recipient",
            content = @Content(schema = @Schema(implementation = RecipientResponse.class)))
    @APIResponse(responseCode = "401", description = Descriptions.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = Descriptions.FORBIDDEN)
    @APIResponse(responseCode = "404", description = Descriptions.RECIPIENT_NOT_FOUND)
    public RecipientResponse get(@PathParam("eventId") UUID eventId, @PathParam("recipientId") UUID recipientId) {
        return RecipientResponse.listed(lists.find(eventId, recipientId), clock.instant());
    }

    @PATCH
    @Path("/{recipientId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(operationId = "changeRecipient",
            summary = "Change a recipient's name, address or language",
            description = "Only the fields present change; its audience and channel stay (take it off the list and "
                    + "add another for those). A webhook keeps its signing secret; a new webhook address is checked "
                    + "as on adding one. What was sent before stays in the delivery log under the old address. Only "
                    + "the event's owner, co-organizers and delegates.")
    @APIResponse(responseCode = "200", description = "The recipient as changed",
            content = @Content(schema = @Schema(implementation = RecipientResponse.class)))
    @APIResponse(responseCode = "400", description = Descriptions.BAD_REQUEST + "; an address that does not fit the "
            + "recipient's channel, or a webhook URL that is not https or whose host resolves to an internal address")
    @APIResponse(responseCode = "401", description = Descriptions.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = Descriptions.NOT_EVENT_MEMBER)
    @APIResponse(responseCode = "404", description = Descriptions.RECIPIENT_NOT_FOUND)
    @APIResponse(responseCode = "409", description = "That address is already on the recipient's list (already-on-list)")
    public RecipientResponse change(@PathParam("eventId") UUID eventId, @PathParam("recipientId") UUID recipientId,
            @NotNull @Valid RecipientChange request) {
        if (request.address() != null) {
            Recipient current = lists.find(eventId, recipientId);
            NewRecipient.requireAddressFits(current.channel, request.address());
            lists.requireDeliverable(eventId, current.channel, request.address());
        }
        return RecipientResponse.listed(lists.change(eventId, recipientId, request.name(), request.address(),
                request.language()), clock.instant());
    }

    @DELETE
    @Path("/{recipientId}")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(operationId = "removeRecipient",
            summary = "Take a recipient off the list; what was sent to them stays in the delivery log",
            description = "Only the event's owner, co-organizers and delegates.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "401", description = Descriptions.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = Descriptions.NOT_EVENT_MEMBER)
    @APIResponse(responseCode = "404", description = Descriptions.RECIPIENT_NOT_FOUND)
    public void remove(@PathParam("eventId") UUID eventId, @PathParam("recipientId") UUID recipientId) {
        lists.remove(eventId, recipientId);
    }
}
