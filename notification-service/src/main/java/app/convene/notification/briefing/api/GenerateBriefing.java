package app.convene.notification.briefing.api;

import jakarta.validation.constraints.NotNull;

import app.convene.notification.briefing.domain.Briefing;

public record GenerateBriefing(@NotNull Briefing.Kind kind) {
}
