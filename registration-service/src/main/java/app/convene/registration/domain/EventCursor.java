package app.convene.registration.domain;

import java.time.Instant;
import java.util.UUID;

/** Where a page of events (in start order, then id) ends: the last event's start and id. */
public record EventCursor(Instant startsAt, UUID id) {
}
