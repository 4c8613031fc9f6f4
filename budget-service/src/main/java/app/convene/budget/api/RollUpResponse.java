package app.convene.budget.api;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.budget.service.RollUps;

public record RollUpResponse(@Schema(required = true) String period,
        @Schema(required = true, description = "First day of the period") LocalDate from,
        @Schema(required = true, description = "Last day of the period") LocalDate to,
        @Schema(required = true) List<DepartmentResponse> departments) {

    static RollUpResponse of(RollUps.RollUp rollUp) {
        return new RollUpResponse(rollUp.period().key(), rollUp.period().start(), rollUp.period().last(),
                rollUp.departments().stream().map(DepartmentResponse::of).toList());
    }
}
