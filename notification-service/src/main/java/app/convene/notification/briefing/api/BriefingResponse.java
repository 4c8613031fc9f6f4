package app.convene.notification.briefing.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.notification.briefing.domain.Briefing;
import app.convene.notification.briefing.domain.BriefingFacts;
import app.convene.notification.briefing.domain.PostEventFacts;
import app.convene.notification.briefing.service.Briefings;

public record BriefingResponse(@Schema(required = true) UUID id, @Schema(required = true) UUID eventId,
        @Schema(required = true) Briefing.Kind kind, @Schema(required = true) Instant dueAt,
        @Schema(required = true) Briefing.Status status, Instant sentAt, boolean onDemand,
        @Schema(required = true, description = "The facts as they stand now (for a sent briefing: now, not when "
                + "it was sent); facts.budget is null for facility")
        BriefingFacts facts,
        @Schema(description = "For a post-event briefing: turnout, actual against estimate per budget category "
                + "(budget null for facility), inspection outcomes per checklist, rating distribution, open action "
                + "items and the headcount history; null for a pre-event briefing")
        PostEventFacts postEvent) {

    static BriefingResponse from(Briefings.Shown shown) {
        Briefing briefing = shown.briefing();
        return new BriefingResponse(briefing.id, briefing.eventId, briefing.kind, briefing.dueAt, briefing.status,
                briefing.sentAt, briefing.onDemand, shown.facts(),
                shown.postEvent());
    }
}
