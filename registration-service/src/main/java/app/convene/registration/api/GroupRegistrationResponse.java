package app.convene.registration.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.domain.RegistrationStatus;
import app.convene.registration.service.Registrations;

public record GroupRegistrationResponse(@Schema(required = true) UUID groupId,
        @Schema(required = true) RegistrationStatus status,
        @Schema(required = true) List<RegistrationResponse> registrations) {
    static GroupRegistrationResponse from(Registrations.Group group) {
        return new GroupRegistrationResponse(group.groupId(), group.status(),
                group.registrations().stream().map(RegistrationResponse::from).toList());
    }
}
