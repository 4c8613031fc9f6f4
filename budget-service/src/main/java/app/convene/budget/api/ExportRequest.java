package app.convene.budget.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record ExportRequest(
        @NotNull @Schema(description = "First day (UTC), inclusive", examples = "2027-01-01") String from,
        @NotNull @Schema(description = "Last day (UTC), inclusive", examples = "2027-12-31") String to,
        @NotNull @Pattern(regexp = "CSV|JSON|SIE4", message = "must be CSV, JSON or SIE4")
        @Schema(description = "CSV, JSON or SIE4: the same file the synchronous export gives", examples = "CSV")
        String format,
        @Pattern(regexp = "marker", message = "must be marker or left out")
        @Schema(description = "marker: only the entries after the exported-up-to marker (as it stands when the "
                + "job is requested); left out: the whole period", examples = "marker")
        String since) {
}
