package app.convene.venue.api;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.venue.domain.PartnerContact;

public record PartnerContactResponse(@Schema(required = true) UUID id, @Schema(required = true) String name,
        @Schema(required = true) String role, @Schema(required = true) String email, String phone,
        @Schema(required = true) String language, boolean noticesSubscribed) {
    static PartnerContactResponse from(PartnerContact c) {
        return new PartnerContactResponse(c.id, c.name, c.role, c.email, c.phone, c.language, c.noticesSubscribed);
    }
}
