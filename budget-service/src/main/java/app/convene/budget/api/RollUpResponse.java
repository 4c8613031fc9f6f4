package app.convene.budget.api;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.budget.service.RollUps;

public record RollUpResponse(String period,
        @Schema(description = "First day of the period") LocalDate from,
        @Schema(description = "Last day of the period") LocalDate to,
        List<DepartmentResponse> departments) {

    static RollUpResponse of(RollUps.RollUp rollUp) {
        return new RollUpResponse(rollUp.period().key(), rollUp.period().start(), rollUp.period().last(),
                rollUp.departments().stream().map(DepartmentResponse::of).toList());
    }
}
