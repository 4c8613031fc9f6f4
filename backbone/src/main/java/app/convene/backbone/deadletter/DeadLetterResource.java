package app.convene.backbone.deadletter;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.audit.AuditedChanges;
import app.convene.backbone.idempotency.IdempotentRequests;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;

/**
 * Every service's dead letters, for operators: the records its consumers could never process, why, and the lever to
 * apply them again once the cause is fixed, or to settle them. Not scoped to an organisation: a record that could not
 * be read may name none, and the operator runs the service, not an organisation's events.
 */
@Path("/api/operations/dead-letters")
@Tag(name = "Operations: dead letters", description = "Records this service's consumers could not process: "
        + "list, re-drive or discard them (operators only).")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
@AuditedChanges
public class DeadLetterResource {
    private static final String NOT_FOUND = "No dead letter with this id in this service";

    @Inject
    DeadLetterRedrive deadLetters;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;

    public record DeadLetterPage(@Schema(required = true) List<DeadLetter> deadLetters,
            @Schema(description = "Pass as 'before' for older letters; null on the last page") Long next) {
    }

    @GET
    @Operation(operationId = "listDeadLetters", summary = "Records this service's consumers could not process",
            description = "Newest first, with the reason each was set aside and what became of it. Every letter of "
                    + "the service, whatever organisation its record concerns.")
    @APIResponse(responseCode = "200", description = "A page of letters (without their values and headers)",
            content = @Content(schema = @Schema(implementation = DeadLetterPage.class)))
    public DeadLetterPage list(
            @Parameter(description = "Only this consumer's letters (its inbox name, e.g. budget-service.venue)")
            @QueryParam("consumer") @Size(max = 100) String consumer,
            @Parameter(description = "Only letters in this state")
            @QueryParam("state") @Pattern(regexp = "PENDING|REDRIVEN|DISCARDED",
                    message = "must be PENDING, REDRIVEN or DISCARDED") String state,
            @Parameter(description = "Letters older than this id") @QueryParam("before") Long before,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        List<DeadLetter> letters = deadLetters.page(blankToNull(consumer),
                state == null ? null : DeadLetter.State.valueOf(state), before, limit);
        Long next = letters.size() == limit ? letters.get(letters.size() - 1).id() : null;
        return new DeadLetterPage(letters, next);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDeadLetter", summary = "One dead letter, with the record's value and headers",
            description = "Operators only. The record as the consumer received it and why it failed; re-drive or "
                    + "discard it next.")
    @APIResponse(responseCode = "200", description = "The letter",
            content = @Content(schema = @Schema(implementation = DeadLetter.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public DeadLetter get(@PathParam("id") long id) {
        return deadLetters.find(id);
    }

    @POST
    @Path("/{id}/redrive")
    @Operation(operationId = "redriveDeadLetter", summary = "Apply a dead letter again",
            description = "Hands the record to the consumer's own handler through its inbox, as if it had just "
                    + "arrived: an event the inbox already applied has no second effect. Applied (or found applied), "
                    + "the letter is REDRIVEN; re-driving it again answers it unchanged.")
    @APIResponse(responseCode = "200", description = "The letter, REDRIVEN; lastOutcome says whether it was applied "
            + "now or had been already",
            content = @Content(schema = @Schema(implementation = DeadLetter.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "redrive-failed: the record still cannot be applied (the detail "
            + "names the reason); the letter stays PENDING with one attempt more and the new reason. "
            + "dead-letter-discarded: the letter was discarded. idempotency-key-in-use: the first request with this "
            + "key is still running")
    public Response redrive(@PathParam("id") long id, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("redrive", id),
                () -> Response.ok(deadLetters.redrive(id, caller.subject())).build());
    }

    @POST
    @Path("/redrive")
    @Operation(operationId = "redriveDeadLetters", summary = "Apply every pending dead letter again",
            description = "Oldest first, each on its own: one failing again stays PENDING and the others go on. "
                    + "Answers how many were tried, applied and failed, and how many are still pending.")
    @APIResponse(responseCode = "200", description = "What happened",
            content = @Content(schema = @Schema(implementation = DeadLetterRedrive.Summary.class)))
    @APIResponse(responseCode = "409", description = "idempotency-key-in-use: the first request with this key is "
            + "still running")
    public Response redriveAll(
            @Parameter(description = "Only this consumer's letters") @QueryParam("consumer") @Size(max = 100)
            String consumer,
            @Parameter(description = "At most this many letters in this call")
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        String only = blankToNull(consumer);
        return idempotent.execute(caller.name(), idempotencyKey,
                List.of("redrive-all", String.valueOf(only), limit),
                () -> Response.ok(deadLetters.redriveAll(only, limit, caller.subject())).build());
    }

    @POST
    @Path("/{id}/discard")
    @Operation(operationId = "discardDeadLetter", summary = "Settle a dead letter without applying it",
            description = "For a record that must never be applied. Discarding it again answers it unchanged.")
    @APIResponse(responseCode = "200", description = "The letter, DISCARDED",
            content = @Content(schema = @Schema(implementation = DeadLetter.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "dead-letter-redriven: the letter was applied already. "
            + "idempotency-key-in-use: the first request with this key is still running")
    public Response discard(@PathParam("id") long id, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("discard", id),
                () -> Response.ok(deadLetters.discard(id, caller.subject())).build());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
