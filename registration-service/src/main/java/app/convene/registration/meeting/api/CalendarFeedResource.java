package app.convene.registration.meeting.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.revalidation.Revalidated;
import app.convene.registration.meeting.service.CalendarFeeds;

/** What a calendar application subscribes to: the token in the path is the credential. */
@Path("/api/calendar-feeds")
@Tag(name = "Meeting series")
public class CalendarFeedResource {
    private static final String CALENDAR = "text/calendar";

    @Inject
    CalendarFeeds feeds;

    @GET
    @Path("/{token}/series.ics")
    @PermitAll
    @SecurityRequirements
    @Produces(CALENDAR)
    @Revalidated
    @Operation(operationId = "getMeetingSeriesFeedByLink", summary = "A series' calendar through its private link",
            description = "For calendar applications: no bearer token; the link is the credential.")
    @APIResponse(responseCode = "200", description = "The feed", content = @Content(mediaType = CALENDAR))
    @APIResponse(responseCode = "404", description = "No such link, or it was revoked")
    @APIResponse(responseCode = "304", description = Revalidated.NOT_MODIFIED)
    public Response feed(@PathParam("token") String token) {
        return Response.ok(feeds.byToken(token), CALENDAR + "; charset=UTF-8")
                .header("Cache-Control", "private, max-age=300").build();
    }
}
