package app.convene.registration.meeting.api;

import jakarta.validation.constraints.NotNull;

import app.convene.registration.meeting.domain.ActionItem;

/** Done, cancelled, or open again. */
public record ActionItemStatusRequest(@NotNull ActionItem.Status status) {
}
