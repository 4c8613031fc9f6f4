package app.convene.notification.privacy.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.security.Roles;
import app.convene.notification.privacy.service.PersonalData;

@Path("/api/privacy")
@Tag(name = "Privacy")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ORGANIZER, Roles.PRIVACY_OFFICER })
public class PrivacyResource {
    @Inject
    PersonalData personalData;

    @GET
    @Path("/people/{email}")
    @Operation(operationId = "exportPersonData",
            summary = "Export what is held about a person", description = "An organizer or privacy officer of "
            + "the organisation: recipients with the address, the deliveries addressed to it, their "
            + "acknowledgements, the feedback it gave, the copy of its registrations and the briefings it asked "
            + "for. Empty after the person was erased (POST /api/privacy/erasures on registration-service).")
    @APIResponse(responseCode = "200", description = "What notification-service holds about the address",
            content = @Content(schema = @Schema(implementation = PersonalDataResponse.class)))
    @APIResponse(responseCode = "403", description = "Neither organizer nor privacy officer")
    public PersonalDataResponse export(@PathParam("email") @Email @Size(max = 254) String email) {
        return PersonalDataResponse.from(personalData.of(email));
    }
}
