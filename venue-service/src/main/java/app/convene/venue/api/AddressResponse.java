package app.convene.venue.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record AddressResponse(@Schema(required = true) String street, String postalCode,
        @Schema(required = true) String city, @Schema(required = true) String country) {
}
