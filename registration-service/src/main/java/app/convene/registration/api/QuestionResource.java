package app.convene.registration.api;

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
import jakarta.ws.rs.PATCH;
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
import app.convene.registration.service.Questions;

import static app.convene.registration.api.Descriptions.NOT_MEMBER;
import static app.convene.registration.api.Descriptions.NOT_VISIBLE;

@Path("/api/events/{eventId}/questions")
@Tag(name = "Registration questions")
@Produces(MediaType.APPLICATION_JSON)
@AuditedChanges
public class QuestionResource {
    @Inject
    Questions questions;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "addQuestion",
            summary = "Ask registrants a question", description = "TEXT (up to 2,000 characters), CHOICE (one "
            + "of `choices`) or YES_NO (true/false); required or not. Registrations then answer under `answers`. "
            + "Owner, co-organizers and delegates only.")
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = QuestionResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule (e.g. a CHOICE without choices)")
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "The event already asks a question with this key")
    public Response add(@PathParam("eventId") UUID eventId, @NotNull @Valid QuestionRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("question", eventId, request), () -> {
            QuestionResponse question = QuestionResponse.from(questions.add(eventId, request.toQuestion()));
            return Response.created(URI.create("/api/events/" + eventId + "/questions/" + question.id()))
                    .entity(question).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.ORGANIZER, Roles.ATTENDEE })
    @Operation(operationId = "listQuestions",
            summary = "The questions registrants answer, in order", description = "For whoever may read the "
            + "event.")
    @APIResponse(responseCode = "200", description = "The questions",
            content = @Content(schema = @Schema(implementation = QuestionResponse[].class)))
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    public List<QuestionResponse> list(@PathParam("eventId") UUID eventId) {
        return questions.list(eventId).stream().map(QuestionResponse::from).toList();
    }

    @GET
    @Path("/{questionId}")
    @RolesAllowed({ Roles.ORGANIZER, Roles.ATTENDEE })
    @Operation(operationId = "getQuestion", summary = "One question registrants answer",
            description = "Where a new question's Location points. For whoever may read the event.")
    @APIResponse(responseCode = "200", description = "The question",
            content = @Content(schema = @Schema(implementation = QuestionResponse.class)))
    @APIResponse(responseCode = "404", description = NOT_VISIBLE + "; no such question of this event")
    public QuestionResponse get(@PathParam("eventId") UUID eventId, @PathParam("questionId") UUID questionId) {
        return QuestionResponse.from(questions.find(eventId, questionId));
    }

    @PATCH
    @Path("/{questionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "changeQuestion", summary = "Change a question's label, whether it is required, or its "
            + "choices", description = "Only the fields present change (a field sent as null keeps its value). A "
            + "CHOICE question keeps every choice it has (answers may name it); new ones may be added and the order "
            + "changed. Its key and kind stay what answers were given under. Required from now on holds for new "
            + "registrations; answers already given are not asked again. Owner, co-organizers and delegates only.")
    @APIResponse(responseCode = "200", description = "The question as changed",
            content = @Content(schema = @Schema(implementation = QuestionResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule (a blank label, a choice left out or "
            + "repeated, choices for a question that is not CHOICE, an unknown field such as key or kind)")
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE + "; no such question of this event")
    @APIResponse(responseCode = "409", description = "The question (question-retired) or the event (event-cancelled) "
            + "is no longer live")
    public QuestionResponse change(@PathParam("eventId") UUID eventId, @PathParam("questionId") UUID questionId,
            @NotNull @Valid ChangeQuestionRequest request) {
        return QuestionResponse.from(questions.change(eventId, questionId, request.label(), request.required(),
                request.choices()));
    }

    @DELETE
    @Path("/{questionId}")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "retireQuestion", summary = "Retire a question asked by mistake",
            description = "From now on nobody is asked it: it is no longer required, and an answer to it is refused as "
            + "one to a question the event does not ask. Answers already given stay on the registrations under its "
            + "key, and the question stays listed with retiredAt, so they can still be read; its key stays taken. "
            + "Retiring it again answers the same. Owner, co-organizers and delegates only.")
    @APIResponse(responseCode = "200", description = "The question, retired",
            content = @Content(schema = @Schema(implementation = QuestionResponse.class)))
    @APIResponse(responseCode = "403", description = NOT_MEMBER)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE + "; no such question of this event")
    @APIResponse(responseCode = "409", description = "The event is cancelled (event-cancelled)")
    public QuestionResponse retire(@PathParam("eventId") UUID eventId, @PathParam("questionId") UUID questionId) {
        return QuestionResponse.from(questions.retire(eventId, questionId));
    }
}
