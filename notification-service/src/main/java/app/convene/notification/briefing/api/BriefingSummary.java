package app.convene.notification.briefing.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.notification.briefing.domain.Briefing;

public record BriefingSummary(@Schema(required = true) UUID id, @Schema(required = true) Briefing.Kind kind,
        @Schema(required = true) Instant dueAt,
        @Schema(required = true, description = "SCHEDULED, SENT or CANCELLED (the event was cancelled)")
        Briefing.Status status,
        Instant sentAt, boolean onDemand) {

    static BriefingSummary from(Briefing b) {
        return new BriefingSummary(b.id, b.kind, b.dueAt, b.status, b.sentAt, b.onDemand);
    }
}
