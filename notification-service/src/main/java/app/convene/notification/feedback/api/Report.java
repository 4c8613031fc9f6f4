package app.convene.notification.feedback.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.notification.feedback.service.Acknowledgements;

/** Who has and who has not acknowledged a briefing. */
public record Report(@Schema(required = true) UUID briefingId, @Schema(required = true) List<Entry> acknowledged,
        @Schema(required = true) List<Entry> pending) {

    static Report from(Acknowledgements.Tally tally) {
        return new Report(tally.briefingId(), tally.acknowledged().stream().map(Entry::from).toList(),
                tally.pending().stream().map(Entry::from).toList());
    }
}
