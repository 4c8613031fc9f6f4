package app.convene.budget.api;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record DepartmentPlacementRequest(
        @Size(min = 1, max = 100)
        @Schema(description = "The department it belongs to; null or left out: at the top, under the company",
                examples = "Sales") String parent) {
}
