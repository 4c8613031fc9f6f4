package app.convene.budget.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.budget.domain.Department;

@Schema(description = "Where a department sits in your organisation's tree")
public record DepartmentPlacementResponse(@Schema(required = true) String department,
        @Schema(description = "null: at the top, under the company") String parent,
        @Schema(required = true) Instant setAt, @Schema(required = true) String setBy) {

    static DepartmentPlacementResponse of(Department d) {
        return new DepartmentPlacementResponse(d.name(), d.parent(), d.setAt(), d.setBy());
    }
}
