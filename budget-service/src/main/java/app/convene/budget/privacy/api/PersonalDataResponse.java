package app.convene.budget.privacy.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.budget.privacy.persistence.PersonalDataRepository.Mention;
import app.convene.budget.privacy.service.PersonalData;

public record PersonalDataResponse(@Schema(required = true) String email,
        @Schema(required = true, description = "Where the address is kept as a subject (table, column, row, "
                + "value); erased with the person") List<Mention> mentions,
        @Schema(required = true, description = "Ledger entries the address recorded: the ledger is append-only, an "
                + "accountability record, and keeps them") List<Mention> keptForAccountability) {
    static PersonalDataResponse from(PersonalData.Export export) {
        return new PersonalDataResponse(export.email(), export.mentions(), export.keptForAccountability());
    }
}
