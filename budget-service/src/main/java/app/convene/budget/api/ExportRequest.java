package app.convene.budget.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record ExportRequest(
        @NotNull @Schema(description = "First day (UTC), inclusive", examples = "2027-01-01") String from,
        @NotNull @Schema(description = "Last day (UTC), inclusive", examples = "2027-12-31") String to,
        @NotNull @Pattern(regexp = "CSV|JSON", message = "must be CSV or JSON")
        @Schema(description = "CSV or JSON: the same file the synchronous export gives", examples = "CSV")
        String format) {
}
