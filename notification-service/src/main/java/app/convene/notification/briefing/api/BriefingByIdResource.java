package app.convene.notification.briefing.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.revalidation.Revalidated;
import app.convene.backbone.security.Roles;
import app.convene.notification.api.Descriptions;
import app.convene.notification.briefing.service.Briefings;

@Path("/api/events/{eventId}/briefings/{briefingId}")
@Tag(name = "Briefings")
@Produces(MediaType.APPLICATION_JSON)
public class BriefingByIdResource {
    @Inject
    Briefings briefings;

    @GET
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_HTML, MediaType.TEXT_PLAIN })
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Revalidated
    @Operation(operationId = "getBriefing",
            summary = "One briefing: JSON with its facts by default; rendered HTML or plain text when asked for "
            + "with Accept, in the language given by lang",
            description = "For staff who may see the event. Facility read it without the budget: no budget section "
                    + "in HTML or text, facts.budget null in JSON.")
    @APIResponse(responseCode = "200", description = "The briefing", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BriefingResponse.class)),
            @Content(mediaType = MediaType.TEXT_HTML), @Content(mediaType = MediaType.TEXT_PLAIN) })
    @APIResponse(responseCode = "400", description = Descriptions.BAD_REQUEST)
    @APIResponse(responseCode = "401", description = Descriptions.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = Descriptions.FORBIDDEN)
    @APIResponse(responseCode = "404", description = Descriptions.BRIEFING_NOT_FOUND)
    @APIResponse(responseCode = "304", description = Revalidated.NOT_MODIFIED)
    public Response one(@PathParam("eventId") UUID eventId, @PathParam("briefingId") UUID briefingId,
            @Parameter(description = "en, sv, nl or ro; en by default") @QueryParam("lang")
            @Pattern(regexp = Descriptions.LANGUAGE, message = Descriptions.LANGUAGE_RULE) String lang,
            @Context HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return json(eventId, briefingId);
            }
            if (accepted.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                return Response.ok(briefings.rendered(eventId, briefingId, lang).html(), "text/html;charset=UTF-8")
                        .build();
            }
            if (accepted.isCompatible(MediaType.TEXT_PLAIN_TYPE)) {
                return Response.ok(briefings.rendered(eventId, briefingId, lang).text(), "text/plain;charset=UTF-8")
                        .build();
            }
        }
        return json(eventId, briefingId);
    }

    private Response json(UUID eventId, UUID briefingId) {
        return Response.ok(BriefingResponse.from(briefings.briefing(eventId, briefingId)),
                MediaType.APPLICATION_JSON_TYPE).build();
    }
}
