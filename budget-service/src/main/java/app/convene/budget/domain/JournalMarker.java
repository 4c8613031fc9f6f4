package app.convene.budget.domain;

import java.time.Instant;

/**
 * How far an organisation's journal was exported: the entries with a ledger id up to {@code upToLedgerId} were handed
 * to finance, so an export "since the marker" holds only the entries after it. It only moves forward. {@code setAt}
 * and {@code setBy} are null while it was never set (then it stands at 0).
 */
public record JournalMarker(long upToLedgerId, Instant setAt, String setBy) {
}
