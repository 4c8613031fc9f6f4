package app.convene.registration.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Roles;
import app.convene.registration.domain.Event;
import app.convene.registration.domain.EventStatus;
import app.convene.registration.domain.RegistrationStatus;
import app.convene.registration.api.RegistrationResource.RegistrationResponse;
import app.convene.registration.service.EventListing;
import app.convene.registration.service.Registrations;

/** The caller's own things, whatever the event. */
@Path("/api/me")
@Tag(name = "Registrations")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {
    @Inject
    EventListing listing;

    public record EventSummary(UUID id, String title, EventStatus status, Instant startsAt, Instant endsAt,
            String timeZone) {
        static EventSummary of(Event e) {
            return new EventSummary(e.id, e.title, e.status, e.startsAt, e.endsAt, e.timeZone);
        }
    }

    public record OwnRegistration(RegistrationResponse registration, EventSummary event) {
    }

    public record OwnRegistrationPage(List<OwnRegistration> registrations,
            @Schema(description = "Pass as `after` for the next page; null on the last page") String next) {
    }

    @GET
    @Path("/registrations")
    @RolesAllowed({ Roles.ATTENDEE, Roles.ORGANIZER, Roles.FINANCE, Roles.FACILITY })
    @Operation(summary = "Your registrations", description = "The registrations under your token's e-mail address, "
            + "for events of your organisation, newest first, in any state, each with its event. Follow `next` for "
            + "the following page.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = OwnRegistrationPage.class)))
    @APIResponse(responseCode = "400", description = "The limit (1 to 200) or cursor is not valid")
    public OwnRegistrationPage registrations(
            @Parameter(description = "Cursor from the previous page's `next`") @QueryParam("after") String after,
            @Parameter(description = "Page size, 1 to 200") @QueryParam("limit") @DefaultValue("50") @Min(1)
            @Max(EventListing.MAX_PAGE) int limit) {
        EventListing.RegistrationPage page = listing.ownRegistrations(decode(after), limit);
        return new OwnRegistrationPage(page.registrations().stream().map(own -> new OwnRegistration(
                RegistrationResponse.of(new Registrations.Placement(own.registration(),
                        own.registration().status == RegistrationStatus.WAITLISTED
                                ? own.registration().waitlistPosition() : null)),
                EventSummary.of(own.event()))).toList(), encode(page.nextBefore()));
    }

    private static Long decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("after", "is not a cursor this API gave out");
        }
    }

    private static String encode(Long before) {
        return before == null ? null : Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Long.toString(before).getBytes(StandardCharsets.US_ASCII));
    }
}
