package app.convene.registration.meeting.api;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.audit.AuditedChanges;
import app.convene.backbone.idempotency.IdempotentRequests;
import app.convene.backbone.problem.MergePatches;
import app.convene.backbone.problem.MergePatches.MergePatch;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.problem.Rfc3339;
import app.convene.backbone.revalidation.EntityTags;
import app.convene.backbone.revalidation.Revalidated;
import app.convene.backbone.security.Caller;
import app.convene.backbone.security.Roles;
import app.convene.registration.api.Cursors;
import app.convene.registration.meeting.service.CalendarFeeds;
import app.convene.registration.meeting.service.RecurringMeetings;

@Path("/api/meeting-series")
@Tag(name = "Meeting series", description = "Recurring meetings whose occurrences are ordinary events")
@Produces(MediaType.APPLICATION_JSON)
@AuditedChanges
public class MeetingSeriesResource {
    private static final String CALENDAR = "text/calendar";
    private static final String NOT_VISIBLE = "No such series in your organisation, or not visible to you";

    @Inject
    RecurringMeetings meetings;
    @Inject
    CalendarFeeds feeds;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;
    @Inject
    ObjectMapper json;
    @Inject
    MergePatches patches;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "scheduleMeetingSeries", summary = "Schedule a recurring meeting",
            description = "The caller owns the series and its occurrences, which are ordinary events (one per date "
                    + "the recurrence gives, scheduled up to `meetings.horizon` ahead, at most "
                    + "`meetings.max-occurrences-ahead`; the horizon moves on every hour). Announces "
                    + "registration.meeting-series-scheduled.v1 and, per occurrence, registration.event-scheduled.v1. "
                    + "Safe to retry with the same Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Scheduled",
            content = @Content(schema = @Schema(implementation = MeetingSeriesResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule: the recurrence is not an RRULE or "
            + "gives more than one meeting a day, the first date is not one the rule gives, an unknown time zone")
    @APIResponse(responseCode = "403", description = "Only organizers schedule meetings")
    @APIResponse(responseCode = "409", description = "A request with this Idempotency-Key is still running")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with a different request")
    public Response schedule(@NotNull @Valid CreateMeetingSeriesRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey, List.of("POST /api/meeting-series", request), () -> {
            MeetingSeriesResponse series = MeetingSeriesResponse.from(meetings.schedule(request.toTerms()));
            return Response.created(URI.create("/api/meeting-series/" + series.id())).entity(series).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE, Roles.FACILITY })
    @Operation(operationId = "listMeetingSeries", summary = "The series of your organisation",
            description = "Confidential series only for their owner. Without occurrences (read one series for them). "
                    + "A page at a time: pass `next` as `after` until it is null.")
    @APIResponse(responseCode = "200", description = "A page of the series, by first date",
            content = @Content(schema = @Schema(implementation = MeetingSeriesPage.class)))
    @APIResponse(responseCode = "400", description = "`after` is not a cursor this list gave, or `limit` is out of "
            + "range")
    public MeetingSeriesPage list(
            @Parameter(description = "The previous page's `next`") @QueryParam("after") String after,
            @Parameter(description = "Page size, 1 to 500") @QueryParam("limit") @DefaultValue("100") @Min(1)
            @Max(RecurringMeetings.MAX_PAGE) int limit) {
        RecurringMeetings.Page page = meetings.list(Cursors.decodeSeries(after), limit);
        return new MeetingSeriesPage(page.series().stream().map(MeetingSeriesResponse::summary).toList(),
                Cursors.encode(page.next()));
    }

    /** A page of meeting series. */
    public record MeetingSeriesPage(@Schema(required = true,
            description = "The series, by first date, without occurrences")
            List<MeetingSeriesResponse> series,
            @Schema(description = "Pass as `after` for the next page; null on the last page") String next) {
    }

    @GET
    @Path("/{seriesId}")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE, Roles.FACILITY })
    @Operation(operationId = "getMeetingSeries", summary = "A series with its occurrences",
            description = "The occurrences scheduled so far, up to scheduledThrough, each with its event. A "
                    + "confidential series only for its owner.")
    @APIResponse(responseCode = "200", description = "The series; its ETag names this state, its occurrences "
            + "included (send it as If-Match to change or move from exactly what was read)",
            content = @Content(schema = @Schema(implementation = MeetingSeriesResponse.class)))
    @APIResponse(responseCode = "304", description = Revalidated.NOT_MODIFIED)
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    public Response get(@PathParam("seriesId") UUID seriesId,
            @Parameter(description = EntityTags.IF_NONE_MATCH) @HeaderParam(HttpHeaders.IF_NONE_MATCH)
            String ifNoneMatch) {
        MeetingSeriesResponse series = MeetingSeriesResponse.from(meetings.read(seriesId));
        return EntityTags.read(ifNoneMatch, EntityTags.of(json, series), () -> series);
    }

    @PATCH
    @Path("/{seriesId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "changeMeetingSeries", summary = "Change a series from now on",
            description = "Only the fields present change (JSON Merge Patch, RFC 7396: description, location and "
                    + "department sent as null are cleared, the other terms keep their value when sent as null), and "
                    + "only for occurrences that have not started: those "
                    + "moved on their own keep their time (and take the other terms); those on a date the new "
                    + "recurrence no longer gives are cancelled; dates it adds are scheduled. Past occurrences stay "
                    + "as they were. The SEQUENCE grows. Owner only. Announces "
                    + "registration.meeting-series-changed.v1 (and event-updated / event-cancelled per occurrence).")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = MeetingSeriesResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule")
    @APIResponse(responseCode = "403", description = "Only the series' owner changes it")
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    @APIResponse(responseCode = "409", description = "A shorter meeting would leave an occurrence's session outside "
            + "it (session-outside-event); an occurrence moved as a whole takes its sessions along")
    @APIResponse(responseCode = "412", description = EntityTags.PRECONDITION_FAILED + ". The tag covers the "
            + "occurrences too: an occurrence moved, called off or scheduled since the read also refuses the change")
    public MeetingSeriesResponse change(@PathParam("seriesId") UUID seriesId,
            @Parameter(description = EntityTags.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ChangeMeetingSeriesRequest.class))) JsonNode body)
            throws JsonProcessingException {
        MergePatch<ChangeMeetingSeriesRequest> patch = patches.read(body, ChangeMeetingSeriesRequest.class,
                RecurringMeetings.CLEARABLE);
        return MeetingSeriesResponse.from(meetings.change(seriesId, patch.changes().toTerms(), patch.cleared(),
                current -> EntityTags.requireCurrent(ifMatch,
                        () -> EntityTags.of(json, MeetingSeriesResponse.from(current)))));
    }

    @PUT
    @Path("/{seriesId}/owner/{subject}")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "transferMeetingSeriesOwnership", summary = "Hand the series to another owner",
            description = "The owner only. The series and every occurrence not yet over that the former owner "
                    + "still owns pass to the subject; occurrences scheduled later are theirs. The former owner stays "
                    + "on those occurrences as a co-organizer unless `keepFormerOwner=false`. The SEQUENCE grows. "
                    + "Announces registration.meeting-series-changed.v1 and registration.event-updated.v1 per "
                    + "occurrence handed over.")
    @APIResponse(responseCode = "200", description = "Handed over",
            content = @Content(schema = @Schema(implementation = MeetingSeriesResponse.class)))
    @APIResponse(responseCode = "400", description = "The subject is not an e-mail address")
    @APIResponse(responseCode = "403", description = "Only the series' owner hands it over")
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    public MeetingSeriesResponse transferOwnership(@PathParam("seriesId") UUID seriesId,
            @Parameter(description = "The new owner's e-mail address") @PathParam("subject")
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Email
            @jakarta.validation.constraints.Size(max = 254) String subject,
            @Parameter(description = "The former owner stays on as a co-organizer (default true)")
            @jakarta.ws.rs.QueryParam("keepFormerOwner") @jakarta.ws.rs.DefaultValue("true")
            boolean keepFormerOwner) {
        return MeetingSeriesResponse.from(meetings.transferOwnership(seriesId, subject, keepFormerOwner));
    }

    @PUT
    @Path("/{seriesId}/occurrences/{date}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "moveMeetingOccurrence", summary = "Move one occurrence",
            description = "The occurrence given by the rule on `date` takes this time and keeps it whatever later "
                    + "changes of the series; in the calendar feed it is an entry with that RECURRENCE-ID. Owner only.")
    @APIResponse(responseCode = "200", description = "Moved",
            content = @Content(schema = @Schema(implementation = MeetingSeriesResponse.class)))
    @APIResponse(responseCode = "400", description = "`date` is not a date (YYYY-MM-DD), or endsAt not after startsAt")
    @APIResponse(responseCode = "403", description = "Only the series' owner moves its occurrences")
    @APIResponse(responseCode = "404", description = NOT_VISIBLE + "; no occurrence on that date")
    @APIResponse(responseCode = "409", description = "The occurrence is cancelled (event-cancelled), or one of its "
            + "sessions would lie outside its new times (session-outside-event; moved as a whole, its sessions go "
            + "along)")
    @APIResponse(responseCode = "412", description = EntityTags.PRECONDITION_FAILED + " (the series' tag, as "
            + "getMeetingSeries answers it)")
    public MeetingSeriesResponse move(@PathParam("seriesId") UUID seriesId, @PathParam("date") String date,
            @Parameter(description = EntityTags.IF_MATCH + " The series' tag.") @HeaderParam(HttpHeaders.IF_MATCH)
            String ifMatch,
            @NotNull @Valid MoveOccurrenceRequest request) {
        return MeetingSeriesResponse.from(meetings.moveOccurrence(seriesId, date(date), request.startsAt(),
                request.endsAt(), current -> EntityTags.requireCurrent(ifMatch,
                        () -> EntityTags.of(json, MeetingSeriesResponse.from(current)))));
    }

    @POST
    @Path("/{seriesId}/occurrences/{date}/cancel")
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(operationId = "cancelMeetingOccurrence", summary = "Call one occurrence off",
            description = "The occurrence's event is cancelled (its registrations kept for the record); in the feed "
                    + "its date is an EXDATE. Cancelling it again changes nothing. Owner only.")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(schema = @Schema(implementation = MeetingSeriesResponse.class)))
    @APIResponse(responseCode = "400", description = "`date` is not a date (YYYY-MM-DD)")
    @APIResponse(responseCode = "403", description = "Only the series' owner cancels its occurrences")
    @APIResponse(responseCode = "404", description = NOT_VISIBLE + "; no occurrence on that date")
    public Response cancel(@PathParam("seriesId") UUID seriesId, @PathParam("date") String date,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        LocalDate day = date(date);
        return idempotent.execute(caller.name(), idempotencyKey,
                List.of("POST /api/meeting-series/" + seriesId + "/occurrences/" + day + "/cancel"),
                () -> Response.ok(MeetingSeriesResponse.from(meetings.cancelOccurrence(seriesId, day))).build());
    }

    @GET
    @Path("/{seriesId}/calendar.ics")
    @Produces(CALENDAR)
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE, Roles.FACILITY })
    @Revalidated
    @Operation(operationId = "getMeetingSeriesCalendar", summary = "The series as an iCalendar feed",
            description = "One VEVENT with RRULE, EXDATE and RDATE, VTIMEZONE, LOCATION and SEQUENCE, and one "
                    + "VEVENT with RECURRENCE-ID per moved occurrence (METHOD:PUBLISH).")
    @APIResponse(responseCode = "200", description = "The feed", content = @Content(mediaType = CALENDAR))
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    @APIResponse(responseCode = "304", description = Revalidated.NOT_MODIFIED)
    public Response calendar(@PathParam("seriesId") UUID seriesId) {
        return Response.ok(feeds.byCaller(seriesId), CALENDAR + "; charset=UTF-8").build();
    }

    @POST
    @Path("/{seriesId}/calendar-feeds")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE, Roles.FACILITY })
    @Operation(operationId = "createMeetingSeriesFeedLink", summary = "A private feed link for calendar apps",
            description = "Calendar applications cannot send a bearer token, so the link itself is the credential: "
                    + "it is shown only in this answer (only a hash is kept) and works until it is revoked. Safe to "
                    + "retry with the same Idempotency-Key (the retry answers the same link).")
    @APIResponse(responseCode = "201", description = "The link",
            content = @Content(schema = @Schema(implementation = CalendarFeedResponse.class)))
    @APIResponse(responseCode = "404", description = NOT_VISIBLE)
    public Response createFeed(@PathParam("seriesId") UUID seriesId,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.execute(caller.name(), idempotencyKey,
                List.of("POST /api/meeting-series/" + seriesId + "/calendar-feeds"), () -> {
                    CalendarFeeds.FeedLink link = feeds.create(seriesId);
                    String url = "/api/calendar-feeds/" + link.token() + "/series.ics";
                    return Response.created(URI.create(url)).entity(new CalendarFeedResponse(link.feedId(), url))
                            .build();
                });
    }

    @DELETE
    @Path("/{seriesId}/calendar-feeds/{feedId}")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE, Roles.FACILITY })
    @Operation(operationId = "revokeMeetingSeriesFeedLink", summary = "Revoke a feed link",
            description = "The link answers 404 from now on. Revoking it again changes nothing.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = NOT_VISIBLE + "; no such link of this series")
    public void revokeFeed(@PathParam("seriesId") UUID seriesId, @PathParam("feedId") UUID feedId) {
        feeds.revoke(seriesId, feedId);
    }

    private static LocalDate date(String value) {
        try {
            return Rfc3339.date(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("date", "must be a date (YYYY-MM-DD)");
        }
    }
}
