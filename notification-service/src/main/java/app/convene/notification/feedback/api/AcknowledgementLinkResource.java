package app.convene.notification.feedback.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.audit.AuditedChanges;
import app.convene.notification.api.Descriptions;
import app.convene.notification.feedback.service.AcknowledgementPage;
import app.convene.notification.feedback.service.Acknowledgements;

/** The personal acknowledgement links sent with each briefing: the token is the credential. */
@Path("/api/acknowledgements")
@Tag(name = "Briefings")
@Produces(MediaType.APPLICATION_JSON)
@AuditedChanges
public class AcknowledgementLinkResource {
    @Inject
    Acknowledgements acknowledgements;
    @Inject
    AcknowledgementPage page;

    @POST
    @Path("/{token}")
    @PermitAll
    @SecurityRequirements
    @Operation(operationId = "acknowledgeBriefingByLink",
            summary = "Acknowledge a briefing through the personal link sent with it (no token needed)",
            description = "No token needed: the personal link sent with the briefing identifies the recipient. "
                    + "Idempotent by nature, so it takes no Idempotency-Key (a mail reader's button cannot send "
                    + "one): acknowledging again, or a double click, has no second effect; the answer is the first "
                    + "acknowledgement (its time, first: false), and notification.briefing-acknowledged.v1 is announced once.")
    @Extension(name = "x-idempotent", value = "true", parseValue = true)
    @APIResponse(responseCode = "200", description = "Acknowledged (or already was: nothing changed)",
            content = @Content(schema = @Schema(implementation = AcknowledgementResponse.class)))
    @APIResponse(responseCode = "400", description = "The link holds characters no link carries (e.g. NUL)")
    @APIResponse(responseCode = "404", description = "No briefing was sent with this link")
    @APIResponse(responseCode = "410", description = "The link has expired (delivery.ack-link-validity after it "
            + "was sent)")
    public AcknowledgementResponse byLink(@PathParam("token") String token) {
        return AcknowledgementResponse.from(acknowledgements.byLink(token));
    }

    @GET
    @Path("/{token}")
    @PermitAll
    @SecurityRequirements
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "showAcknowledgementPage",
            summary = "The page a personal link opens: one button that acknowledges (a GET changes nothing, so "
            + "mail scanners following links do not acknowledge for the reader)",
            description = "No token needed: the personal link identifies the recipient. An HTML page whose button "
                    + "sends the POST that acknowledges.")
    @APIResponse(responseCode = "200", description = "A page with the acknowledge button")
    @APIResponse(responseCode = "400", description = "lang is not one of en, sv, nl, ro")
    public String page(@PathParam("token") String token,
            @Parameter(description = "en, sv, nl or ro; without it the button speaks all four") @QueryParam("lang")
            @Pattern(regexp = Descriptions.LANGUAGE, message = Descriptions.LANGUAGE_RULE) String lang) {
        return page.render(token, lang);
    }
}
