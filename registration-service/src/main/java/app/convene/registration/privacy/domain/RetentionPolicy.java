package app.convene.registration.privacy.domain;

import java.time.Instant;

/** How long an organisation keeps the names and answers of the people who registered for its events. */
public record RetentionPolicy(String organisation, int anonymiseAfterMonths, String changedBy, Instant changedAt) {
}
