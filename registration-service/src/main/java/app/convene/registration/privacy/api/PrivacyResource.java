package app.convene.registration.privacy.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.audit.AuditedChanges;
import app.convene.backbone.idempotency.IdempotentRequests;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.registration.privacy.service.Erasures;
import app.convene.registration.privacy.service.PersonalData;

@Path("/api/privacy")
@Tag(name = "Privacy")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ORGANIZER, Roles.PRIVACY_OFFICER })
@AuditedChanges
public class PrivacyResource {
    private static final String WHO = "An organizer or privacy officer of the organisation; only the caller's "
            + "organisation's data is touched. ";

    @Inject
    Erasures erasures;
    @Inject
    PersonalData personalData;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;

    @POST
    @Path("/erasures")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "erasePerson",
            summary = "Erase a person", description = WHO + "Anonymises in one transaction every registration "
            + "of the address in the organisation's events (address erased-<registrationId>@erased.invalid, name "
            + "\"Erased person\", organisation and answers cleared) and its speaker entries, keeping statuses, "
            + "waiting-list positions and counts; announces privacy.person-erased.v1 with the address's SHA-256 "
            + "(never the address), upon which budget, venue and notification services anonymise what they hold. "
            + "Erasing an address again is harmless. Safe to retry with the same Idempotency-Key.")
    @APIResponse(responseCode = "202", description = "Erased here; the other services' progress is PENDING until "
            + "they report", content = @Content(schema = @Schema(implementation = ErasureResponse.class)))
    @APIResponse(responseCode = "403", description = "Neither organizer nor privacy officer")
    @APIResponse(responseCode = "409", description = "The same Idempotency-Key is running")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with a different request")
    public Response erase(@NotNull @Valid ErasureRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("erase", request), () -> {
            ErasureResponse erasure = ErasureResponse.from(erasures.erase(request.email()));
            return Response.accepted(erasure).location(URI.create("/api/privacy/erasures/" + erasure.id())).build();
        });
    }

    @GET
    @Path("/erasures/{erasureId}")
    @Operation(operationId = "getErasure",
            summary = "An erasure's progress", description = WHO + "Each service's part: PENDING or DONE, with "
            + "the rows it anonymised and when.")
    @APIResponse(responseCode = "200", description = "The erasure",
            content = @Content(schema = @Schema(implementation = ErasureResponse.class)))
    @APIResponse(responseCode = "403", description = "Neither organizer nor privacy officer")
    @APIResponse(responseCode = "404", description = "No such erasure in the caller's organisation")
    public ErasureResponse get(@PathParam("erasureId") UUID erasureId) {
        return ErasureResponse.from(erasures.get(erasureId));
    }

    @GET
    @Path("/people/{email}")
    @Operation(operationId = "exportPersonData",
            summary = "Export what is held about a person", description = WHO + "Every registration of the "
            + "address (with answers, check-in, no-show and travel arrangement) and every session it speaks in. Empty after an erasure.")
    @APIResponse(responseCode = "200", description = "What registration-service holds about the address",
            content = @Content(schema = @Schema(implementation = PersonalDataResponse.class)))
    @APIResponse(responseCode = "403", description = "Neither organizer nor privacy officer")
    public PersonalDataResponse export(@PathParam("email") @Email @Size(max = 254) String email) {
        return PersonalDataResponse.from(personalData.of(email));
    }
}
