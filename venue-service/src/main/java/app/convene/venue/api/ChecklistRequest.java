package app.convene.venue.api;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

public record ChecklistRequest(@NotNull UUID templateId) {
}
