package app.convene.notification.delivery.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

import app.convene.backbone.idempotency.IdempotentRequests;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.notification.delivery.domain.Audience;
import app.convene.notification.delivery.domain.Channel;
import app.convene.notification.delivery.domain.Recipient;
import app.convene.notification.delivery.service.DistributionLists;
import app.convene.notification.api.ProblemAnswers;

@Path("/api/events/{eventId}/recipients")
@Tag(name = "Distribution lists")
@Produces(MediaType.APPLICATION_JSON)
public class RecipientResource {
    @Inject
    DistributionLists lists;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;

    public record NewRecipient(
            @Schema(description = "ORGANIZERS, FACILITY, FINANCE or LEADS (department leads and directors)")
            @NotNull Audience audience,
            @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL") String name,
            @Schema(description = "EMAIL or WEBHOOK") @NotNull Channel channel,
            @Schema(description = "An e-mail address, or an http(s) URL for a webhook")
            @NotBlank @Size(max = 500) @Pattern(regexp = "[^\\x00\\s]*", message = "must not contain spaces or NUL") String address,
            @Schema(description = "en, sv, nl or ro; en when absent")
            @Pattern(regexp = "en|sv|nl|ro", message = "must be one of en, sv, nl, ro") String language) {
    }

    public record RecipientResponse(UUID id, UUID eventId, Audience audience, String name, Channel channel,
            String address, String language, Instant createdAt,
            @Schema(description = "Only in the answer to its creation: the Standard Webhooks secret (whsec_...)")
            String webhookSecret) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(summary = "Add a recipient to one of the event's distribution lists (an Idempotency-Key makes a retry safe)",
            description = "Only the event's owner, co-organizers and delegates, for e-mail and webhook recipients alike.")
    @APIResponse(responseCode = "201", description = "Added; a webhook's signing secret is shown only now",
            content = @Content(schema = @Schema(implementation = RecipientResponse.class)))
    @APIResponse(responseCode = "400", description = ProblemAnswers.BAD_REQUEST)
    @APIResponse(responseCode = "401", description = ProblemAnswers.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = ProblemAnswers.NOT_EVENT_MEMBER)
    @APIResponse(responseCode = "404", description = ProblemAnswers.EVENT_NOT_FOUND)
    @APIResponse(responseCode = "409", description = "Already on that list")
    public Response add(@PathParam("eventId") UUID eventId, @NotNull @Valid NewRecipient request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        if (request.channel() == Channel.EMAIL
                && !request.address().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw ProblemException.invalidField("address", "must be an e-mail address for channel EMAIL");
        }
        if (request.channel() == Channel.WEBHOOK) {
            try {
                URI uri = URI.create(request.address());
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("address", "must be an http or https URL for channel WEBHOOK");
            }
        }
        return idempotent.execute(caller.name(), idempotencyKey,
                List.of("POST /api/events/" + eventId + "/recipients", request), () -> {
                    Recipient recipient = lists.add(eventId, request.audience(), request.name(), request.channel(),
                            request.address(), request.language());
                    return Response.created(URI.create("/api/events/" + eventId + "/recipients/" + recipient.id))
                            .entity(toResponse(recipient, true)).build();
                });
    }

    @GET
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(summary = "The event's distribution lists: every active recipient, by audience",
            description = "For staff who may see the event.")
    @APIResponse(responseCode = "200", description = "The recipients")
    @APIResponse(responseCode = "401", description = ProblemAnswers.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = ProblemAnswers.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ProblemAnswers.EVENT_NOT_FOUND)
    public List<RecipientResponse> list(@PathParam("eventId") UUID eventId) {
        return lists.list(eventId).stream().map(r -> toResponse(r, false)).toList();
    }

    @DELETE
    @Path("/{recipientId}")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FACILITY, Roles.FINANCE })
    @Operation(summary = "Take a recipient off the list; what was sent to them stays in the delivery log",
            description = "Only the event's owner, co-organizers and delegates.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "401", description = ProblemAnswers.UNAUTHORIZED)
    @APIResponse(responseCode = "403", description = ProblemAnswers.NOT_EVENT_MEMBER)
    @APIResponse(responseCode = "404", description = ProblemAnswers.RECIPIENT_NOT_FOUND)
    public void remove(@PathParam("eventId") UUID eventId, @PathParam("recipientId") UUID recipientId) {
        lists.remove(eventId, recipientId);
    }

    private static RecipientResponse toResponse(Recipient r, boolean withSecret) {
        return new RecipientResponse(r.id, r.eventId, r.audience, r.name, r.channel, r.address, r.locale, r.createdAt,
                withSecret ? r.webhookSecret : null);
    }
}
