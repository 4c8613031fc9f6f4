package app.convene.venue.api;

import java.util.List;
import java.util.UUID;

import app.convene.venue.domain.Venue;

public record VenueResponse(UUID id, String name, AddressResponse address, List<RoomResponse> rooms,
        List<PartnerContactResponse> partnerContacts) {
    static VenueResponse from(Venue v) {
        return new VenueResponse(v.id, v.name, new AddressResponse(v.street, v.postalCode, v.city, v.country),
                v.rooms().stream().map(RoomResponse::from).toList(),
                v.partnerContacts().stream().map(PartnerContactResponse::from).toList());
    }
}
