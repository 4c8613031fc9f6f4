package app.convene.backbone.sample;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import app.convene.backbone.audit.AuditedChanges;
import app.convene.backbone.idempotency.IdempotentRequests;
import app.convene.backbone.revalidation.Revalidated;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;

/** The sample service's API: a resource shaped like every service's (validated records, idempotent POST). */
@Path("/api/memos")
@Produces(MediaType.APPLICATION_JSON)
@AuditedChanges
public class MemoResource {
    @Inject
    Memos memos;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;

    public record MemoRequest(@NotBlank @Size(max = 200) String text, @PositiveOrZero Integer copies,
            @Size(max = 100) String slug, Instant remindAt, @Valid Placement placement) {
    }

    public record Placement(@Size(max = 50) String room, @Size(max = 10) List<@NotNull @Valid Seat> seats) {
    }

    public record Seat(@NotNull Integer number) {
    }

    public record MemoResponse(UUID id, String author, String text, int copies, String slug) {
        static MemoResponse of(Memos.Memo memo) {
            return new MemoResponse(memo.id(), memo.author(), memo.text(), memo.copies(), memo.slug());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    public Response write(@NotNull @Valid MemoRequest request, @QueryParam("holdMillis") long holdMillis,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("memo", request), () -> {
            Memos.Memo memo = memos.write(caller.subject(), request.text(), request.copies(), request.slug(),
                    holdMillis);
            return Response.created(URI.create("/api/memos/" + memo.id())).entity(MemoResponse.of(memo)).build();
        });
    }

    /**
     * Adds a copy to two memos, the first one first, holding the transaction open between them: two such requests
     * naming the same memos in opposite order deadlock in the database.
     */
    @POST
    @Path("/{first}/copies-with/{second}")
    @RolesAllowed(Roles.ORGANIZER)
    public Response addCopies(@PathParam("first") UUID first, @PathParam("second") UUID second,
            @QueryParam("holdMillis") long holdMillis, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("copies", first, second), () -> {
            memos.addCopies(first, second, holdMillis);
            return Response.noContent().build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ORGANIZER, Roles.ATTENDEE })
    @Revalidated
    @APIResponse(responseCode = "200", description = "The memo")
    @APIResponse(responseCode = "304", description = Revalidated.NOT_MODIFIED)
    public MemoResponse read(@PathParam("id") UUID id) {
        return MemoResponse.of(memos.find(id));
    }

    public record MemoStatus(UUID id, int copies, Instant asOf) {
    }

    /** What became of a memo: two lists of entries whose records share their simple name (and the audit's). */
    public record MemoHistory(List<Printing.Entry> printed, List<Reading.Entry> read) {
    }

    /** Printings of a memo. */
    public static final class Printing {
        private Printing() {
        }

        public record Entry(int copies, String printer) {
        }
    }

    /** Readings of a memo. */
    public static final class Reading {
        private Reading() {
        }

        public record Entry(long times, boolean aloud, String reader) {
        }
    }

    /** A memo's history: one printing of its copies, one reading by its author. */
    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.ORGANIZER, Roles.ATTENDEE })
    public MemoHistory history(@PathParam("id") UUID id) {
        Memos.Memo memo = memos.find(id);
        return new MemoHistory(List.of(new Printing.Entry(memo.copies(), null)),
                List.of(new Reading.Entry(1, false, null)));
    }

    /** How many copies a memo has, as of the moment of asking. */
    @GET
    @Path("/{id}/status")
    @RolesAllowed({ Roles.ORGANIZER, Roles.ATTENDEE })
    @Revalidated(ignoring = "asOf")
    public MemoStatus status(@PathParam("id") UUID id) {
        Memos.Memo memo = memos.find(id);
        return new MemoStatus(memo.id(), memo.copies(), Instant.now());
    }

    /**
     * A memo's status as documented, or an answer its document denies: a property of the wrong type, or a status it
     * does not list ({@code answer} = documented, wrong-type, undocumented-status).
     */
    @GET
    @Path("/{id}/status-as-asked")
    @RolesAllowed({ Roles.ORGANIZER, Roles.ATTENDEE })
    @APIResponse(responseCode = "200", description = "The status",
            content = @Content(schema = @Schema(implementation = MemoStatus.class)))
    public Response statusAsAsked(@PathParam("id") UUID id, @QueryParam("answer") String answer) {
        Memos.Memo memo = memos.find(id);
        MemoStatus status = new MemoStatus(memo.id(), memo.copies(), Instant.now());
        return switch (answer == null ? "" : answer) {
            case "wrong-type" -> Response.ok(java.util.Map.of("id", memo.id(), "copies", "a few")).build();
            case "undocumented-status" -> Response.accepted(status).build();
            default -> Response.ok(status).build();
        };
    }

    /** The memo as a calendar reminder, stamped with the moment it was written out (DTSTAMP). */
    @GET
    @Path("/{id}/reminder.ics")
    @Produces("text/calendar")
    @RolesAllowed({ Roles.ORGANIZER, Roles.ATTENDEE })
    @Revalidated
    public String reminder(@PathParam("id") UUID id) {
        Memos.Memo memo = memos.find(id);
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTODO\r\nUID:" + memo.id() + "\r\nDTSTAMP:"
                + System.nanoTime() + "\r\nSUMMARY:" + memo.text() + " (" + memo.copies()
                + ")\r\nEND:VTODO\r\nEND:VCALENDAR\r\n";
    }
}
