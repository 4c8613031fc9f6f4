package app.convene.venue.api;

import java.util.UUID;

import app.convene.venue.domain.PartnerContact;

public record PartnerContactResponse(UUID id, String name, String role, String email, String phone, String language,
        boolean noticesSubscribed) {
    static PartnerContactResponse from(PartnerContact c) {
        return new PartnerContactResponse(c.id, c.name, c.role, c.email, c.phone, c.language, c.noticesSubscribed);
    }
}
