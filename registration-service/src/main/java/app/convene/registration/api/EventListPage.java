package app.convene.registration.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.service.EventListing;

public record EventListPage(@Schema(required = true) List<EventResponse> events,
        @Schema(description = Descriptions.NEXT_PAGE) String next) {
    static EventListPage from(EventListing.EventPage page) {
        return new EventListPage(page.events().stream().map(EventResponse::from).toList(), Cursors.encode(page.next()));
    }
}
