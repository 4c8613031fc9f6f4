package app.convene.notification.attendee.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.audit.AuditedChanges;
import app.convene.notification.attendee.service.AttendeeMailSettings;

/** The personal link in each reminder that stops the reminders of that registration: the token is the credential. */
@Path("/api/attendee-mail/unsubscribe")
@Tag(name = "Attendee mail")
@Produces(MediaType.APPLICATION_JSON)
@AuditedChanges
public class UnsubscribeLinkResource {
    @Inject
    AttendeeMailSettings settings;

    @POST
    @Path("/{token}")
    @PermitAll
    @SecurityRequirements
    @Operation(operationId = "unsubscribeFromReminders",
            summary = "Stop reminders of the registration a reminder was sent for (other mail still comes: "
            + "confirmations, changes, cancellations)",
            description = "No token needed: the link in the reminder identifies the registration. Idempotent by "
                    + "nature, so it takes no Idempotency-Key (a mail reader's button cannot send one): "
                    + "unsubscribing again, or a double click, has no second effect and answers the same.")
    @Extension(name = "x-idempotent", value = "true", parseValue = true)
    @APIResponse(responseCode = "200", description = "Reminders stopped (again, if they already were)",
            content = @Content(schema = @Schema(implementation = UnsubscribeResponse.class)))
    @APIResponse(responseCode = "400", description = "The link holds characters no link carries (e.g. NUL)")
    @APIResponse(responseCode = "404", description = "No reminder was sent with this link")
    @APIResponse(responseCode = "410", description = "The link has expired (delivery.ack-link-validity after it "
            + "was sent)")
    public UnsubscribeResponse unsubscribe(@PathParam("token") String token) {
        return new UnsubscribeResponse(settings.unsubscribe(token), true);
    }

    @GET
    @Path("/{token}")
    @PermitAll
    @SecurityRequirements
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "showUnsubscribePage",
            summary = "The page a reminder's link opens: one button that stops reminders (a GET changes nothing, "
            + "so mail scanners following links do not unsubscribe for the reader)",
            description = "No token needed: the link in the reminder identifies the registration. An HTML page whose "
                    + "button sends the POST that stops the reminders.")
    @APIResponse(responseCode = "200", description = "A page with the unsubscribe button")
    public String page(@PathParam("token") String token) {
        String safe = token.replaceAll("[^A-Za-z0-9_-]", "");
        return "<!DOCTYPE html><html><body><form method=\"post\" action=\"/api/attendee-mail/unsubscribe/" + safe
                + "\"><button type=\"submit\">No more reminders / Inga fler påminnelser / Geen herinneringen meer / "
                + "Fără mementouri</button></form></body></html>";
    }
}
