package app.convene.registration.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.service.Roll;

public record RollPage(@Schema(required = true) List<RegistrationResponse> registrations,
        @Schema(description = Descriptions.NEXT_PAGE) String next) {
    static RollPage from(Roll.Page page) {
        return new RollPage(page.registrations().stream().map(r -> RegistrationResponse.from(r,
                page.waitlistPositions().get(r.id))).toList(),
                Cursors.encode(page.nextAfter()));
    }
}
