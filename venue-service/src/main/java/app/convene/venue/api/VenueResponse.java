package app.convene.venue.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.venue.domain.Venue;
import app.convene.venue.service.Venues;

public record VenueResponse(@Schema(required = true) UUID id, @Schema(required = true) String name,
        @Schema(required = true) AddressResponse address, @Schema(required = true) List<RoomResponse> rooms,
        @Schema(required = true) List<PartnerContactResponse> partnerContacts,
        @Schema(description = "When the venue was retired with its rooms (no longer listed, changed or bookable; its "
                + "rooms no longer listed with it); null while in use") Instant retiredAt) {
    static VenueResponse from(Venue v) {
        return from(Venues.VenueDetails.of(v));
    }

    static VenueResponse from(Venues.VenueDetails details) {
        Venue v = details.venue();
        return new VenueResponse(v.id, v.name, new AddressResponse(v.street, v.postalCode, v.city, v.country),
                details.rooms().stream().map(RoomResponse::from).toList(),
                details.partnerContacts().stream().map(PartnerContactResponse::from).toList(), v.retiredAt);
    }
}
