package app.convene.notification.attendee.api;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.security.Roles;
import app.convene.notification.api.Descriptions;
import app.convene.notification.delivery.api.DeliveryLog;
import app.convene.notification.delivery.domain.Delivery;
import app.convene.notification.delivery.service.DeliveryLogs;

/** The delivery log of an event's attendee mail, a page at a time. */
@Path("/api/events/{eventId}/attendee-mail/deliveries")
@Tag(name = "Attendee mail")
@Produces(MediaType.APPLICATION_JSON)
public class AttendeeMailLogResource {
    @Inject
    DeliveryLogs logs;

    /** A page of the log; {@code next} is passed as {@code before} for the page after it. */
    public record AttendeeMailPage(@Schema(required = true) List<DeliveryLog> deliveries,
            @Schema(description = "Pass as 'before' for older mail; null on the last page") UUID next) {
    }

    @GET
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(operationId = "listAttendeeMailDeliveries",
            summary = "The delivery log of the event's attendee mail, newest first: each mail and every attempt",
            description = "For staff who may see the event. Purpose ATTENDEE, no recipient (the mail is addressed "
                    + "to a registration); each mail with its kind, its registration, when it was written, where it "
                    + "stands and every attempt. A page at a time: follow `next` as `before` for older mail. "
                    + "`status=FAILED` lists only the mail given up on, `PENDING` what waits to be sent.")
    @APIResponse(responseCode = "200", description = "A page of mail with their attempts",
            content = @Content(schema = @Schema(implementation = AttendeeMailPage.class)))
    @APIResponse(responseCode = "400", description = "before is not the id of a mail of this log, status is not "
            + "PENDING, IN_FLIGHT, DELIVERED or FAILED, or limit is not 1 to 500")
    @APIResponse(responseCode = "401", description = Descriptions.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = Descriptions.FORBIDDEN)
    @APIResponse(responseCode = "404", description = Descriptions.EVENT_NOT_FOUND)
    public AttendeeMailPage deliveries(@PathParam("eventId") UUID eventId,
            @Parameter(description = "Only mail in this state: PENDING, IN_FLIGHT (being sent), DELIVERED or FAILED",
                    schema = @Schema(type = SchemaType.STRING,
                            enumeration = { "PENDING", "IN_FLIGHT", "DELIVERED", "FAILED" }))
            @QueryParam("status") Delivery.Status status,
            @Parameter(description = "Mail older than this one (the previous page's `next`)")
            @QueryParam("before") UUID before,
            @Parameter(description = "Page size, 1 to 500") @QueryParam("limit") @DefaultValue("100") @Min(1)
            @Max(DeliveryLogs.MAX_PAGE) int limit) {
        DeliveryLogs.Page page = logs.ofAttendeeMail(eventId, status, before, limit);
        return new AttendeeMailPage(page.deliveries().stream().map(DeliveryLog::from).toList(), page.next());
    }
}
