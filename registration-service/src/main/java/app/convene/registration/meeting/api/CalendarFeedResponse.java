package app.convene.registration.meeting.api;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A private feed link: shown once; whoever holds it reads the series' calendar until it is revoked. */
public record CalendarFeedResponse(@Schema(required = true) UUID feedId,
        @Schema(required = true,
                description = "Path of the feed on this service, to subscribe to in a calendar application",
                examples = "/api/calendar-feeds/Jx2...Qk/series.ics") String url) {
}
