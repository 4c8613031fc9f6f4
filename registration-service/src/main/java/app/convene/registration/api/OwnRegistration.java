package app.convene.registration.api;

import app.convene.registration.service.EventListing;

public record OwnRegistration(RegistrationResponse registration, EventSummary event) {
    static OwnRegistration from(EventListing.OwnRegistration own) {
        return new OwnRegistration(RegistrationResponse.from(own.placement()), EventSummary.from(own.event()));
    }
}
