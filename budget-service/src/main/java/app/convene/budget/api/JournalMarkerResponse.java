package app.convene.budget.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.budget.domain.JournalMarker;

@Schema(description = "How far your organisation's journal was exported: an export with since=marker holds only the "
        + "ledger entries after upTo")
public record JournalMarkerResponse(
        @Schema(description = "The newest ledger entry exported; 0 while the marker was never set") long upTo,
        @Schema(description = "null while the marker was never set") Instant setAt,
        @Schema(description = "null while the marker was never set") String setBy) {

    static JournalMarkerResponse of(JournalMarker marker) {
        return new JournalMarkerResponse(marker.upToLedgerId(), marker.setAt(), marker.setBy());
    }
}
