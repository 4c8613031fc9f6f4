package app.convene.registration.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.service.EventListing;

public record OwnRegistration(@Schema(required = true) RegistrationResponse registration,
        @Schema(required = true) EventSummary event) {
    static OwnRegistration from(EventListing.OwnRegistration own) {
        return new OwnRegistration(RegistrationResponse.from(own.placement()), EventSummary.from(own.event()));
    }
}
