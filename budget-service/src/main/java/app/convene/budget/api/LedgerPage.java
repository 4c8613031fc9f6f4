package app.convene.budget.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record LedgerPage(
        @Schema(required = true, description = "The entries, oldest first") List<LedgerEntryResponse> entries,
        @Schema(description = "Pass as `after` for the next page; null on the last page") UUID next) {
}
