package app.convene.registration.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
import app.convene.registration.service.OwnershipTransfers;

@Path("/api/ownership-transfers")
@Tag(name = "Event access")
@Produces(MediaType.APPLICATION_JSON)
@AuditedChanges
public class OwnershipTransferResource {
    @Inject
    OwnershipTransfers transfers;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Operation(operationId = "transferOwnership", summary = "Hand everything someone owns to a successor",
            description = "For someone who leaves: the meeting series, events and meetings (past ones too) that "
                    + "`from` owns in the caller's organisation pass to `to`; `from` keeps no place on them, nor do "
                    + "the delegates who acted for them. Each change is announced (registration.event-updated.v1, "
                    + "registration.meeting-series-changed.v1), so budget, venue and notification follow. At most "
                    + "200 series and 200 events per call: call again while `remaining` is above 0. The "
                    + "organisation's administrators only. Safe to retry with the same Idempotency-Key.")
    @APIResponse(responseCode = "200", description = "What was handed over and what remains",
            content = @Content(schema = @Schema(implementation = OwnershipTransferResponse.class)))
    @APIResponse(responseCode = "400", description = "`from` or `to` is not an e-mail address, or they are the same")
    @APIResponse(responseCode = "403", description = "Not an administrator")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with a different request")
    public Response transfer(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @NotNull @Valid OwnershipTransferRequest request) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("transfer-ownership", request),
                () -> Response.ok(OwnershipTransferResponse.of(transfers.transferAll(request.from(), request.to())))
                        .build());
    }
}
