package app.convene.venue.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.venue.domain.Coverage;
import app.convene.venue.domain.InsuranceCertificate;
import app.convene.venue.service.InsuranceCertificates;
import app.convene.backbone.money.Money;

@Path("/api/events/{eventId}/insurance-certificates")
@Tag(name = "Insurance")
@Produces(MediaType.APPLICATION_JSON)
public class InsuranceResource {
    @Inject
    InsuranceCertificates insurance;
    @Inject
    Caller caller;

    public record CertificateRequest(
            @NotBlank @Size(max = 200) String insurer,
            @NotBlank @Size(max = 100) String policyNumber,
            @NotNull Coverage coverage,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 3)
            @Schema(examples = "2000000.00") BigDecimal amount,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code, e.g. EUR")
            String currency,
            @NotNull Instant validFrom,
            @NotNull Instant validTo,
            @Schema(description = "Where the certificate document is kept, e.g. a document-store URI")
            @NotBlank @Size(max = 500) String documentReference) {
    }

    public record CertificateResponse(UUID id, UUID eventId, String insurer, String policyNumber, Coverage coverage,
            BigDecimal amount, String currency, Instant validFrom, Instant validTo, String documentReference,
            String registeredBy, Instant expiryAnnouncedAt) {
        static CertificateResponse of(InsuranceCertificate c) {
            return new CertificateResponse(c.id, c.eventId, c.insurer, c.policyNumber, c.coverage,
                    Money.atScale(c.amount, c.currency), c.currency, c.validFrom, c.validTo, c.documentReference,
                    c.registeredBy, c.expiryAnnouncedAt);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FACILITY)
    @Operation(summary = "Register an insurance certificate for the event (facility role only); readiness is "
            + "reassessed")
    @APIResponse(responseCode = "201", description = "The certificate",
            content = @Content(schema = @Schema(implementation = CertificateResponse.class)))
    @APIResponse(responseCode = "404", description = AccessAnswers.NO_EVENT)
    @APIResponse(responseCode = "403", description = AccessAnswers.FACILITY_ONLY)
    @APIResponse(responseCode = "409", description = "This policy and coverage is already registered for the event")
    public Response register(@PathParam("eventId") UUID eventId, @NotNull @Valid CertificateRequest request) {
        InsuranceCertificate certificate = insurance.register(eventId, new InsuranceCertificates.CertificateTerms(
                request.insurer().strip(), request.policyNumber().strip(), request.coverage(), request.amount(),
                request.currency(), request.validFrom(), request.validTo(), request.documentReference().strip()),
                caller.subject());
        return Response.created(URI.create("/api/events/" + eventId + "/insurance-certificates"))
                .entity(CertificateResponse.of(certificate)).build();
    }

    @GET
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(summary = "The event's insurance certificates")
    @APIResponse(responseCode = "200", description = "The certificates, by coverage and expiry")
    @APIResponse(responseCode = "404", description = AccessAnswers.NO_EVENT)
    public List<CertificateResponse> list(@PathParam("eventId") UUID eventId) {
        return insurance.certificates(eventId).stream().map(CertificateResponse::of).toList();
    }
}
