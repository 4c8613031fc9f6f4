package app.convene.registration.meeting.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.registration.meeting.domain.Minutes;

/** One revision of a meeting's minutes. */
public record MinutesResponse(@Schema(required = true) UUID eventId, int revision,
        @Schema(required = true, description = "DRAFT, SUBMITTED or APPROVED (then it never changes)") String status,
                @Schema(required = true) String chair,
        @Schema(required = true) List<MinutesRequest.Entry> entries, @Schema(required = true) Instant createdAt,
                Instant submittedAt, Instant approvedAt) {
    static MinutesResponse from(Minutes m) {
        return new MinutesResponse(m.eventId, m.revision, m.status.name(), m.chair, m.entries.stream()
                .map(e -> new MinutesRequest.Entry(e.agendaItemId(), e.notes(), e.decisions().stream()
                        .map(d -> new MinutesRequest.Decision(d.text(), d.outcome(), d.votesFor(), d.votesAgainst(),
                                d.abstentions())).toList(), e.actionItems().stream()
                        .map(a -> new MinutesRequest.ActionToTake(a.id(), a.title(), a.owner(), a.dueDate()))
                        .toList())).toList(), m.createdAt, m.submittedAt, m.approvedAt);
    }
}
