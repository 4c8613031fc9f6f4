package app.convene.registration.domain;

import java.time.Instant;

/**
 * Which events a list shows: {@code from} inclusive, {@code to} exclusive, both on the start; {@code text} in the
 * title, any case; each criterion left null (or false) does not filter.
 */
public record EventFilter(Instant from, Instant to, EventStatus status, String text, boolean ownedByCaller) {
}
