package app.convene.registration.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import app.convene.registration.service.EventListing;

/** The caller's own things, whatever the event. */
@Path("/api/me")
@Tag(name = "Registrations")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {
    @Inject
    EventListing listing;

    @GET
    @Path("/registrations")
    @RolesAllowed({ Roles.ATTENDEE, Roles.ORGANIZER, Roles.FINANCE, Roles.FACILITY })
    @Operation(operationId = "listMyRegistrations",
            summary = "Your registrations", description = "The registrations under your token's e-mail address, "
            + "for events of your organisation, newest first, in any state, each with its event. Follow `next` for "
            + "the following page.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = OwnRegistrationPage.class)))
    @APIResponse(responseCode = "400", description = "The limit (1 to 200) or cursor is not valid")
    public OwnRegistrationPage registrations(
            @Parameter(description = Descriptions.AFTER) @QueryParam("after") String after,
            @Parameter(description = "Page size, 1 to 200") @QueryParam("limit") @DefaultValue("50") @Min(1)
            @Max(EventListing.MAX_PAGE) int limit) {
        return OwnRegistrationPage.from(listing.ownRegistrations(Cursors.decodePosition(after), limit));
    }
}
