package app.convene.notification.attendee.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import app.convene.backbone.security.Roles;
import app.convene.notification.api.Descriptions;
import app.convene.notification.attendee.service.AttendeeMailSettings;

/** An event's attendee mail: when its confirmed attendees are reminded. */
@Path("/api/events/{eventId}/attendee-mail")
@Tag(name = "Attendee mail")
@Produces(MediaType.APPLICATION_JSON)
@AuditedChanges
public class AttendeeMailResource {
    @Inject
    AttendeeMailSettings settings;
    @Inject
    ObjectMapper json;

    @GET
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(operationId = "getAttendeeMailSettings", summary = "The event's attendee mail settings",
            description = "Organizers, facility and finance staff who may see the event. The defaults apply until "
                    + "changeAttendeeMailSettings sets others.")
    @APIResponse(responseCode = "200", description = "The settings (the defaults until changed); their strong "
            + "ETag names this state (send it as If-Match to change exactly what was read)",
            content = @Content(schema = @Schema(implementation = AttendeeMailSettingsResponse.class)))
    @APIResponse(responseCode = "304", description = Revalidated.NOT_MODIFIED)
    @APIResponse(responseCode = "401", description = Descriptions.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = Descriptions.FORBIDDEN)
    @APIResponse(responseCode = "404", description = Descriptions.EVENT_NOT_FOUND)
    public Response read(@PathParam("eventId") UUID eventId,
            @Parameter(description = EntityTags.IF_NONE_MATCH) @HeaderParam(HttpHeaders.IF_NONE_MATCH)
            String ifNoneMatch) {
        AttendeeMailSettingsResponse current = AttendeeMailSettingsResponse.from(settings.read(eventId));
        return EntityTags.read(ifNoneMatch, EntityTags.of(json, current), () -> current);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(operationId = "changeAttendeeMailSettings",
            summary = "Set how long before the start confirmed attendees are reminded",
            description = "Only the event's owner, co-organizers and delegates. Reminders not yet written follow "
                    + "the new interval.")
    @APIResponse(responseCode = "200", description = "The settings as now set",
            content = @Content(schema = @Schema(implementation = AttendeeMailSettingsResponse.class)))
    @APIResponse(responseCode = "400", description = Descriptions.BAD_REQUEST)
    @APIResponse(responseCode = "401", description = Descriptions.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = Descriptions.NOT_EVENT_MEMBER)
    @APIResponse(responseCode = "404", description = Descriptions.EVENT_NOT_FOUND)
    @APIResponse(responseCode = "412", description = EntityTags.PRECONDITION_FAILED)
    public AttendeeMailSettingsResponse change(@PathParam("eventId") UUID eventId,
            @Parameter(description = EntityTags.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid AttendeeMailSettingsRequest request) {
        // The answer carries no ETag: whoever goes on changing the settings reads them again for the tag.
        return AttendeeMailSettingsResponse.from(settings.changeReminder(eventId, request.reminderBefore(),
                current -> EntityTags.requireCurrent(ifMatch,
                        () -> EntityTags.of(json, AttendeeMailSettingsResponse.from(current)))));
    }
}
