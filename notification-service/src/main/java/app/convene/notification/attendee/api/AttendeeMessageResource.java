package app.convene.notification.attendee.api;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.notification.api.Descriptions;
import app.convene.notification.attendee.service.AttendeeMessaging;

/** Messages an event's organizers write to its attendees. */
@Path("/api/events/{eventId}/attendee-mail/messages")
@Tag(name = "Attendee mail")
@Produces(MediaType.APPLICATION_JSON)
@AuditedChanges
public class AttendeeMessageResource {
    @Inject
    AttendeeMessaging messaging;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;

    /** A page of messages; {@code next} is passed as {@code before} for older ones. */
    public record AttendeeMessagePage(@Schema(required = true) List<AttendeeMessageResponse> messages,
            @Schema(description = "Pass as 'before' for older messages; null on the last page") UUID next) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "sendAttendeeMessage", summary = "Write to the event's attendees",
            description = "Only the event's owner, co-organizers and delegates. A copy goes to each confirmed "
                    + "attendee (`audience` CONFIRMED, the default), each one on the waiting list (WAITLISTED) or "
                    + "both (REGISTERED), except erased ones: its subject is the event's title, a colon and "
                    + "`subject`; its text is `body` and a line in the attendee's language (en, sv, nl, ro) saying "
                    + "why they receive it. The copies are written with the message and sent by the delivery "
                    + "machinery (retried with backoff, each attempt in `GET …/attendee-mail/deliveries`, kind "
                    + "MESSAGE); the message shows how far they went. Send an `Idempotency-Key`: a retry with it "
                    + "answers the first message, and no attendee gets a second copy.")
    @APIResponse(responseCode = "201", description = "The message with how many it went to, at the Location header",
            content = @Content(schema = @Schema(implementation = AttendeeMessageResponse.class)))
    @APIResponse(responseCode = "400", description = Descriptions.BAD_REQUEST + " (subject blank, longer than 150 "
            + "characters or more than one line; body blank or longer than 10,000; audience not CONFIRMED, "
            + "WAITLISTED or REGISTERED; an unknown field)")
    @APIResponse(responseCode = "401", description = Descriptions.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = Descriptions.NOT_EVENT_MEMBER)
    @APIResponse(responseCode = "404", description = Descriptions.EVENT_NOT_FOUND)
    public Response send(@PathParam("eventId") UUID eventId, @NotNull @Valid AttendeeMessageRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("attendee-message", eventId, request),
                () -> {
                    AttendeeMessageResponse sent = AttendeeMessageResponse.from(messaging.send(eventId,
                            request.subject().strip(), request.body().strip(), request.audience() == null
                                    ? AttendeeMessaging.Audience.CONFIRMED : request.audience()));
                    return Response.created(URI.create("/api/events/" + eventId + "/attendee-mail/messages/"
                            + sent.id())).entity(sent).build();
                });
    }

    @GET
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(operationId = "listAttendeeMessages", summary = "The messages written to the event's attendees, "
            + "newest first, each with how far its copies went out",
            description = "For staff who may see the event. A page at a time: follow `next` as `before`.")
    @APIResponse(responseCode = "200", description = "A page of messages",
            content = @Content(schema = @Schema(implementation = AttendeeMessagePage.class)))
    @APIResponse(responseCode = "400", description = "before is not a message of this event, or limit is not 1 to "
            + "100")
    @APIResponse(responseCode = "401", description = Descriptions.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = Descriptions.FORBIDDEN)
    @APIResponse(responseCode = "404", description = Descriptions.EVENT_NOT_FOUND)
    public AttendeeMessagePage list(@PathParam("eventId") UUID eventId,
            @Parameter(description = "Messages older than this one (the previous page's `next`)")
            @QueryParam("before") UUID before,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") @DefaultValue("20") @Min(1)
            @Max(AttendeeMessaging.MAX_PAGE) int limit) {
        AttendeeMessaging.Page page = messaging.messages(eventId, before, limit);
        return new AttendeeMessagePage(page.messages().stream().map(AttendeeMessageResponse::from).toList(),
                page.next());
    }

    @GET
    @Path("/{messageId}")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(operationId = "getAttendeeMessage", summary = "One message to the event's attendees, with how far "
            + "its copies went out",
            description = "For staff who may see the event; where a new message's Location points.")
    @APIResponse(responseCode = "200", description = "The message",
            content = @Content(schema = @Schema(implementation = AttendeeMessageResponse.class)))
    @APIResponse(responseCode = "401", description = Descriptions.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = Descriptions.FORBIDDEN)
    @APIResponse(responseCode = "404", description = "No such event in your organisation, or not visible to you, "
            + "or no such message of it")
    public AttendeeMessageResponse get(@PathParam("eventId") UUID eventId, @PathParam("messageId") UUID messageId) {
        return AttendeeMessageResponse.from(messaging.message(eventId, messageId));
    }
}
