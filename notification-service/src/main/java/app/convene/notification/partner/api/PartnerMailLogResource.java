package app.convene.notification.partner.api;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.security.Roles;
import app.convene.notification.api.Descriptions;
import app.convene.notification.partner.service.PartnerMailLog;

/** The delivery log of a venue's partner mail. */
@Path("/api/venues/{venueId}/partner-mail/deliveries")
@Tag(name = "Partner mail")
@Produces(MediaType.APPLICATION_JSON)
public class PartnerMailLogResource {
    @Inject
    PartnerMailLog log;

    @GET
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(operationId = "listPartnerMailDeliveries", summary = "The delivery log of the venue's partner mail, "
            + "newest first", description = "For staff of the venue's organisation: each mail to a partner contact "
            + "(issue status changes and proposals, booking and closure notices) with its kind, recipient, status, "
            + "attempts, last failure in generic words and when it was sent. Follow `next` as `before` for older "
            + "mail.")
    @APIResponse(responseCode = "200", description = "A page of mail",
            content = @Content(schema = @Schema(implementation = PartnerMailPage.class)))
    @APIResponse(responseCode = "400", description = "before is not a delivery id, or limit is not 1 to 500")
    @APIResponse(responseCode = "401", description = Descriptions.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = Descriptions.FORBIDDEN)
    @APIResponse(responseCode = "404", description = "No partner mail of such a venue in your organisation (a venue "
            + "is known here once a notice or an issue of it was announced)")
    public PartnerMailPage deliveries(@PathParam("venueId") UUID venueId,
            @Parameter(description = "Mail older than this one (the previous page's `next`)")
            @QueryParam("before") UUID before,
            @Parameter(description = "Page size, 1 to 500") @QueryParam("limit") @DefaultValue("100") @Min(1)
            @Max(PartnerMailLog.MAX_PAGE) int limit) {
        return PartnerMailPage.from(log.ofVenue(venueId, before, limit));
    }
}
