package app.convene.venue.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import app.convene.venue.domain.InsuranceCertificate;
import app.convene.venue.service.InsuranceCertificates;

@Path("/api/events/{eventId}/insurance-certificates")
@Tag(name = "Insurance")
@Produces(MediaType.APPLICATION_JSON)
@AuditedChanges
public class InsuranceResource {
    @Inject
    InsuranceCertificates insurance;
    @Inject
    Caller caller;
    @Inject
    IdempotentRequests idempotent;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FACILITY)
    @Operation(operationId = "registerInsuranceCertificate",
            summary = "Register an insurance certificate for the event (facility role only); readiness is "
            + "reassessed",
            description = "Facility staff only. The event's readiness is assessed again with the new certificate.")
    @APIResponse(responseCode = "201", description = "The certificate",
            content = @Content(schema = @Schema(implementation = CertificateResponse.class)))
    @APIResponse(responseCode = "404", description = Descriptions.NO_EVENT)
    @APIResponse(responseCode = "403", description = Descriptions.FACILITY_ONLY)
    @APIResponse(responseCode = "409", description = "This policy and coverage is already registered for the event")
    public Response register(@PathParam("eventId") UUID eventId, @NotNull @Valid CertificateRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey,
                List.of("register-insurance-certificate", eventId, request), () -> {
                    InsuranceCertificate certificate = insurance.register(eventId, request.terms(), caller.subject());
                    return Response.created(URI.create("/api/events/" + eventId + "/insurance-certificates/"
                            + certificate.id))
                            .entity(CertificateResponse.from(certificate)).build();
                });
    }

    @GET
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(operationId = "listInsuranceCertificates", summary = "The event's insurance certificates",
            description = "Organizers, facility and finance staff who may see the event.")
    @APIResponse(responseCode = "200", description = "The certificates, by coverage and expiry")
    @APIResponse(responseCode = "404", description = Descriptions.NO_EVENT)
    public List<CertificateResponse> list(@PathParam("eventId") UUID eventId) {
        return insurance.certificates(eventId).stream().map(CertificateResponse::from).toList();
    }

    @GET
    @Path("/{certificateId}")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(operationId = "getInsuranceCertificate", summary = "One of the event's insurance certificates",
            description = "Where a new certificate's Location points. Organizers, facility and finance staff who may "
                    + "see the event.")
    @APIResponse(responseCode = "200", description = "The certificate",
            content = @Content(schema = @Schema(implementation = CertificateResponse.class)))
    @APIResponse(responseCode = "404", description = Descriptions.NO_EVENT + "; no such certificate of this event")
    public CertificateResponse get(@PathParam("eventId") UUID eventId,
            @PathParam("certificateId") UUID certificateId) {
        return CertificateResponse.from(insurance.certificate(eventId, certificateId));
    }

    @DELETE
    @Path("/{certificateId}")
    @RolesAllowed(Roles.FACILITY)
    @Operation(operationId = "withdrawInsuranceCertificate",
            summary = "Withdraw a certificate registered by mistake or no longer valid (facility role only); "
                    + "readiness is reassessed",
            description = "Facility staff only. The certificate stays listed with `withdrawnAt` and `withdrawnBy`; it "
                    + "no longer counts for the event's readiness (reassessed and announced as on registering) and "
                    + "its expiry is not warned about. The same policy may be registered again. Withdrawing a "
                    + "withdrawn certificate answers it again and changes nothing.")
    @APIResponse(responseCode = "200", description = "The withdrawn certificate",
            content = @Content(schema = @Schema(implementation = CertificateResponse.class)))
    @APIResponse(responseCode = "403", description = Descriptions.FACILITY_ONLY)
    @APIResponse(responseCode = "404", description = Descriptions.NO_EVENT + "; no such certificate of this event")
    public CertificateResponse withdraw(@PathParam("eventId") UUID eventId,
            @PathParam("certificateId") UUID certificateId) {
        return CertificateResponse.from(insurance.withdraw(eventId, certificateId, caller.subject()));
    }
}
