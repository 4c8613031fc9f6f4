package app.convene.venue.api;

public record AddressResponse(String street, String postalCode, String city, String country) {
}
