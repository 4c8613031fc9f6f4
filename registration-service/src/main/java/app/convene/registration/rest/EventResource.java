package app.convene.registration.rest;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
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

import app.convene.backbone.problem.Problem;
import app.convene.backbone.security.Roles;
import app.convene.registration.domain.Event;
import app.convene.registration.service.EventCatalog;

@Path("/api/events")
@Tag(name = "Events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EventResource {
    @Inject
    EventCatalog catalog;

    public record CreateEventRequest(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 4000) String description,
            @NotNull @Schema(examples = "2027-03-10T08:00:00Z") Instant startsAt,
            @NotNull @Schema(examples = "2027-03-10T17:00:00Z") Instant endsAt,
            @NotBlank @Size(max = 64) @Schema(description = "IANA time zone", examples = "Europe/Stockholm")
            String timeZone,
            @NotNull @PositiveOrZero @Max(1_000_000) Integer capacity) {
    }

    public record EventResponse(UUID id, String title, String description, Instant startsAt, Instant endsAt,
            String timeZone, int capacity, int confirmed, int waitlisted, int checkedIn, int noShows,
            int seatsLeft) {
        static EventResponse of(Event event) {
            return new EventResponse(event.id, event.title, event.description, event.startsAt, event.endsAt,
                    event.timeZone, event.capacity, event.confirmedCount, event.waitlistedCount,
                    event.checkedInCount, event.noShowCount, Math.max(0, event.capacity - event.confirmedCount));
        }
    }

    @POST
    @RolesAllowed(Roles.ORGANIZER)
    @Operation(summary = "Schedule an event", description = "Announces registration.event-scheduled.v1 and "
            + "registration.headcount-changed.v1.")
    @APIResponse(responseCode = "201", description = "Scheduled",
            content = @Content(schema = @Schema(implementation = EventResponse.class)))
    @APIResponse(responseCode = "400", description = "A field breaks a rule (e.g. endsAt not after startsAt)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response schedule(@NotNull @Valid CreateEventRequest request) {
        Event event = catalog.schedule(new EventCatalog.NewEvent(request.title(), request.description(),
                request.startsAt(), request.endsAt(), request.timeZone(), request.capacity()));
        return Response.created(URI.create("/api/events/" + event.id)).entity(EventResponse.of(event)).build();
    }

    @GET
    @Path("/{eventId}")
    @RolesAllowed({ Roles.ORGANIZER, Roles.FINANCE, Roles.FACILITY, Roles.ATTENDEE })
    @Operation(summary = "An event with its live counts")
    @APIResponse(responseCode = "200", description = "The event",
            content = @Content(schema = @Schema(implementation = EventResponse.class)))
    @APIResponse(responseCode = "404", description = "No such event",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EventResponse get(@PathParam("eventId") UUID eventId) {
        return EventResponse.of(catalog.find(eventId));
    }
}
