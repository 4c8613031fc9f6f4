package app.convene.registration.api;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import app.convene.backbone.csv.CsvCells;
import app.convene.registration.domain.Registration;
import app.convene.registration.domain.RegistrationStatus;

/** One line of the roll's CSV export, in column order; text a person typed is neutralised for spreadsheets. */
@JsonPropertyOrder({ "registrationId", "status", "email", "name", "organisation", "registeredAt", "checkedInAt",
        "noShow", "lateCancellation", "cancelledAt", "ticketCode" })
public record RollRow(UUID registrationId, RegistrationStatus status, String email, String name,
        String organisation, Instant registeredAt, Instant checkedInAt, boolean noShow, boolean lateCancellation,
        Instant cancelledAt, String ticketCode) {
    static RollRow from(Registration r) {
        return new RollRow(r.id, r.status, CsvCells.neutralise(r.attendeeEmail), CsvCells.neutralise(r.attendeeName),
                CsvCells.neutralise(r.organisation), r.registeredAt,
                r.checkedInAt, r.noShow, r.lateCancellation, r.cancelledAt, r.ticketCode);
    }
}
