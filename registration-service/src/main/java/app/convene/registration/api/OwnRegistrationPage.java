package app.convene.registration.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.service.EventListing;

public record OwnRegistrationPage(@Schema(required = true) List<OwnRegistration> registrations,
        @Schema(description = Descriptions.NEXT_PAGE) String next) {
    static OwnRegistrationPage from(EventListing.RegistrationPage page) {
        return new OwnRegistrationPage(page.registrations().stream().map(OwnRegistration::from).toList(),
                Cursors.encode(page.nextBefore()));
    }
}
